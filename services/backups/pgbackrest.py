"""pgBackRest for fuel-stats: WAL archiving from the primary, backups taken from the standby,
retention, verification and restore, of the whole PostgreSQL cluster.

pgBackRest (Debian's package) works on a cluster, not a database: every database in it is in every
backup, the analytics' own included, with no change here when one is added. It copies a backup from
the hot standby and only the few files that are not replicated from the primary, so backups cost
the primary next to nothing; it makes incremental backups at file level, keeps as many full backups
as it is told and the WAL they need, checks every file of the repository (`verify`), and restores to
any moment the archived WAL reaches.

Each function runs the `pgbackrest` command with the configuration file and stanza it is given.
pgBackRest must run as the account that owns the clusters' files: as root, it runs as `postgres`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

DEBIAN_PACKAGE = "pgbackrest"
SERVER_ACCOUNT = "postgres"
BackupKind = Literal["full", "diff", "incr"]


class BackupError(RuntimeError):
    """pgBackRest failed or is missing; the message says what it said."""


@dataclass(frozen=True)
class Stanza:
    """What pgBackRest is asked about: its configuration file and the stanza (the cluster) in it."""

    config: Path
    name: str = "fuelstats"


@dataclass(frozen=True)
class Server:
    """A PostgreSQL server of the cluster, on this host: its data folder, and how to reach it."""

    data: Path
    port: int
    socket_dir: Path
    user: str


@dataclass(frozen=True)
class Backup:
    label: str
    kind: str
    started: dt.datetime
    stopped: dt.datetime
    size: int  # the cluster's files
    stored: int  # what this backup added to the repository, compressed
    wal_start: str
    wal_stop: str


def _running_as_root() -> bool:
    return os.geteuid() == 0


def render_config(stanza: str, repository: Path, servers: Sequence[Server], *, retention_full: int = 2,
                  work_dir: Path | None = None) -> str:
    """A pgbackrest.conf for a repository on this host and the servers of one cluster.

    With two servers or more, backups are copied from a standby (backup-standby): pgBackRest finds
    out which server is the primary. ``work_dir`` holds pgBackRest's logs and locks (default: its own,
    /var/log/pgbackrest and /tmp/pgbackrest).
    """
    lines = [
        "[global]",
        f"repo1-path={repository}",
        f"repo1-retention-full={retention_full}",
        "compress-type=lz4",
        "start-fast=y",
        f"backup-standby={'y' if len(servers) > 1 else 'n'}",
        "log-level-console=warn",
        "log-level-file=info",
        "archive-timeout=60",
    ]
    if work_dir is not None:
        lines += [f"log-path={work_dir / 'log'}", f"lock-path={work_dir / 'lock'}", f"spool-path={work_dir / 'spool'}"]
    lines += ["", f"[{stanza}]"]
    for number, server in enumerate(servers, start=1):
        lines += [f"pg{number}-path={server.data}", f"pg{number}-port={server.port}",
                  f"pg{number}-socket-path={server.socket_dir}", f"pg{number}-user={server.user}"]
    return "\n".join(lines) + "\n"


def archive_command(stanza: Stanza) -> str:
    """The primary's archive_command: every WAL segment goes to the repository as it is completed."""
    return f"pgbackrest --config={stanza.config} --stanza={stanza.name} archive-push %p"


ARCHIVE_TIMEOUT_SECONDS = 60


def archiving_settings(stanza: Stanza) -> dict[str, str]:
    """The primary's server settings for archiving into the stanza's repository.

    archive_timeout bounds what a restore from the repository alone can lose when the primary and
    the standby are both gone: a segment is archived at least once a minute while anything is written.
    """
    return {"archive_mode": "on", "archive_command": archive_command(stanza),
            "archive_timeout": str(ARCHIVE_TIMEOUT_SECONDS)}


def run(stanza: Stanza, *arguments: str) -> str:
    """Run one pgBackRest command; its standard output. A failure raises BackupError with its message."""
    executable = shutil.which("pgbackrest")
    if executable is None:
        raise BackupError(f"pgBackRest is not installed: run `sudo apt-get install -y {DEBIAN_PACKAGE}`")
    command = [executable, f"--config={stanza.config}", f"--stanza={stanza.name}", *arguments]
    if _running_as_root():
        command = ["runuser", "-u", SERVER_ACCOUNT, "--", *command]
    result = subprocess.run(command, capture_output=True, text=True, cwd="/")
    if result.returncode != 0:
        said = (result.stderr.strip() or result.stdout.strip()).splitlines()
        raise BackupError(f"pgbackrest {arguments[-1]} failed (exit {result.returncode}): "
                          + " / ".join(said[-5:]))
    return result.stdout


def create(stanza: Stanza) -> None:
    """Create the stanza in the repository (once; again changes nothing) and check WAL archiving."""
    run(stanza, "stanza-create")
    check(stanza)


def check(stanza: Stanza) -> None:
    """The configuration is right and archiving works: the primary switches to a new WAL segment
    and pgBackRest waits until the last one is in the repository."""
    run(stanza, "check")


def backup(stanza: Stanza, kind: BackupKind = "incr") -> Backup:
    """Take a backup (from the standby when there is one) and expire what retention lets go.

    An incremental or differential backup with no full backup before it is made full.
    """
    run(stanza, f"--type={kind}", "backup")
    return backups(stanza)[-1]


def backups(stanza: Stanza) -> list[Backup]:
    """The backups in the repository, oldest first."""
    info = json.loads(run(stanza, "--output=json", "info"))
    found = info[0]["backup"] if info else []
    return [
        Backup(
            label=item["label"], kind=item["type"],
            started=dt.datetime.fromtimestamp(item["timestamp"]["start"], dt.UTC),
            stopped=dt.datetime.fromtimestamp(item["timestamp"]["stop"], dt.UTC),
            size=int(item["info"]["size"]), stored=int(item["info"]["repository"]["delta"]),
            wal_start=item["archive"]["start"], wal_stop=item["archive"]["stop"],
        )
        for item in found
    ]


def archived_wal(stanza: Stanza) -> tuple[str, str] | None:
    """The oldest and newest WAL segments in the repository: what a restore can replay."""
    info = json.loads(run(stanza, "--output=json", "info"))
    archives = info[0]["archive"] if info else []
    if not archives:
        return None
    return archives[-1]["min"], archives[-1]["max"]


def verify(stanza: Stanza) -> str:
    """Read every backup and WAL file in the repository and check it against its checksum."""
    return run(stanza, "--log-level-console=info", "verify")


def restore(stanza: Stanza, data: Path, *, target_time: dt.datetime | None = None, backup_set: str | None = None
            ) -> None:
    """Restore into ``data`` (a new, empty folder): the latest backup, or ``backup_set``, and the
    archived WAL after it, to its end or to ``target_time``; then the cluster starts a new timeline.

    The folder's parent must be writable by the server's account. Start the cluster afterwards.
    """
    arguments = [f"--pg1-path={data}"]
    if target_time is not None:
        arguments += ["--type=time", f"--target={target_time.isoformat(sep=' ')}", "--target-action=promote"]
    if backup_set is not None:
        arguments.append(f"--set={backup_set}")
    run(stanza, *arguments, "restore")
