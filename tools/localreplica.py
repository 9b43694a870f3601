"""`make up`'s hot standby, WAL archive and backup repository, around a cluster of tools/localpg.py.

The primary archives its WAL into a pgBackRest repository; the standby streams from it through a
replication slot; backups are copied from the standby (docs/backups.md). The drills in
tests/backups build the same with throwaway folders.

    python -m tools.localreplica up --primary .local/pg --primary-port 5433 \\
        --standby .local/pg-standby --standby-port 5434 --backups .local/backups [--synchronous]
    python -m tools.localreplica down --standby .local/pg-standby
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from fuelstats.backups import pgbackrest
from tools.localpg import SERVER_ACCOUNT, SUPERUSER, Cluster, LocalPostgresError
from tools.locales import LocalElasticsearchError, apt_install

STANDBY_SLOT = "fuelstats_standby"


@dataclass(frozen=True)
class Site:
    """A primary, its hot standby, and the folder of their backups (repository, logs, configuration)."""

    primary: Cluster
    standby: Cluster
    backups: Path

    @property
    def stanza(self) -> pgbackrest.Stanza:
        return pgbackrest.Stanza(self.backups / "pgbackrest.conf")


def replication_settings(synchronous: bool) -> dict[str, str]:
    """Synchronous: a commit is acknowledged once the standby has it on disk too (docs/backups.md)."""
    return {"synchronous_standby_names": "*" if synchronous else "", "synchronous_commit": "on"}


def ensure_pgbackrest() -> None:
    """Debian's pgBackRest, installed when it is missing."""
    if shutil.which("pgbackrest") is None:
        apt_install(pgbackrest.DEBIAN_PACKAGE)


def _servers(site: Site) -> list[pgbackrest.Server]:
    return [pgbackrest.Server(cluster.data, cluster.port, cluster.socket_dir, SUPERUSER)
            for cluster in (site.primary, site.standby)]


def start(site: Site, *, synchronous: bool = False, durable: bool = True, first_backup: bool = True) -> None:
    """Start (creating what is missing) the primary with archiving, the standby, and the repository;
    take a first full backup when there is none."""
    ensure_pgbackrest()
    for folder in (site.backups, *(site.backups / name for name in ("repo", "log", "lock", "spool"))):
        folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(folder, SERVER_ACCOUNT)
    site.stanza.config.write_text(pgbackrest.render_config(site.stanza.name, site.backups.resolve() / "repo",
                                                           _servers(site), work_dir=site.backups.resolve()))
    site.stanza.config.chmod(0o644)
    site.primary.start(durable=durable)
    site.primary.wait_until_ready()
    site.primary.configure({**pgbackrest.archiving_settings(site.stanza), **replication_settings(synchronous)},
                           durable=durable)
    site.standby.start_as_replica_of(site.primary, slot=STANDBY_SLOT, durable=durable)
    site.standby.wait_until_ready()
    pgbackrest.create(site.stanza)
    if first_backup and not pgbackrest.backups(site.stanza):
        pgbackrest.backup(site.stanza, "full")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="localreplica", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("up", help="start the standby and the repository; print the standby's URL")
    up.add_argument("--primary", type=Path, required=True)
    up.add_argument("--primary-port", type=int, default=5433)
    up.add_argument("--standby", type=Path, required=True)
    up.add_argument("--standby-port", type=int, default=5434)
    up.add_argument("--backups", type=Path, required=True)
    up.add_argument("--database", default="fuelstats")
    up.add_argument("--synchronous", action="store_true", help="acknowledge commits once the standby has them")
    down = sub.add_parser("down", help="stop the standby")
    down.add_argument("--standby", type=Path, required=True)
    args = parser.parse_args(argv)
    try:
        if args.command == "up":
            site = Site(Cluster(args.primary.resolve(), args.primary_port),
                        Cluster(args.standby.resolve(), args.standby_port), args.backups.resolve())
            start(site, synchronous=args.synchronous)
            print(f"standby: {site.standby.url(args.database)} ({'synchronous' if args.synchronous else 'asynchronous'}"
                  f" replication, slot {STANDBY_SLOT})")
            print(f"backups: FUELSTATS_PGBACKREST_CONFIG={site.stanza.config} fuelstats backup list")
        else:
            Cluster(args.standby.resolve(), 0).stop()
    except (LocalPostgresError, LocalElasticsearchError, pgbackrest.BackupError,
            subprocess.CalledProcessError) as error:
        print(f"localreplica: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
