"""A throwaway PostgreSQL cluster from Debian's packages, in a folder of our own.

Used by `make up` (a cluster under .local/) and by the test harness (one in a temporary folder).
PostgreSQL refuses to run as root, so when we are root the server runs as the `postgres` system
user that Debian's package creates, and the cluster folder is handed to it.

    python -m tools.localpg start --dir .local/pg --port 5433 --database fuelstats
    python -m tools.localpg stop --dir .local/pg

A hot standby of such a cluster (docs/backups.md) streams from it through a replication slot, so the
primary keeps the WAL the standby has not received yet; `tools/localreplica.py` starts one for
`make up`, the test harness another.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "fuelstats"
SERVER_ACCOUNT = "postgres"
DEBIAN_PACKAGE = "postgresql"


class LocalPostgresError(RuntimeError):
    pass


def _running_as_root() -> bool:
    return os.geteuid() == 0


def find_bindir() -> Path | None:
    """The newest PostgreSQL server's bin folder installed from Debian's packages."""
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name), reverse=True
    )
    return versions[0].parent if versions else None


def ensure_installed() -> Path:
    """Install Debian's PostgreSQL server when it is missing; return its bin folder."""
    bindir = find_bindir()
    if bindir is not None:
        return bindir
    if not _running_as_root():
        raise LocalPostgresError(f"PostgreSQL is not installed: run `sudo apt-get install -y {DEBIAN_PACKAGE}`")
    print(f"localpg: installing Debian package {DEBIAN_PACKAGE}", file=sys.stderr)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-q"], check=True, env=env, stdout=subprocess.DEVNULL)
    subprocess.run(
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", DEBIAN_PACKAGE],
        check=True, env=env, stdout=subprocess.DEVNULL,
    )
    bindir = find_bindir()
    if bindir is None:
        raise LocalPostgresError(f"installed {DEBIAN_PACKAGE} but found no /usr/lib/postgresql/*/bin/initdb")
    return bindir


@dataclass(frozen=True)
class Cluster:
    directory: Path
    port: int

    @property
    def data(self) -> Path:
        return self.directory / "data"

    @property
    def socket_dir(self) -> Path:
        return self.directory / "run"

    @property
    def log_file(self) -> Path:
        return self.directory / "postgres.log"

    def url(self, database: str) -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def _run(self, bindir: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(bindir / args[0]), *args[1:]]
        if _running_as_root():
            command = ["runuser", "-u", SERVER_ACCOUNT, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, cwd="/")
        if check and result.returncode != 0:
            raise LocalPostgresError(f"{' '.join(args[:2])} failed: {result.stderr.strip() or result.stdout.strip()}")
        return result

    def pid(self) -> int | None:
        """The postmaster's process, while it runs (its backends are its children)."""
        try:
            return int((self.data / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def psql(self, statement: str, database: str = "postgres") -> str:
        """One statement through psql as the superuser; its output, unaligned and without headers."""
        bindir = ensure_installed()
        return self._run(bindir, "psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", SUPERUSER, "-d", database,
                         "-v", "ON_ERROR_STOP=1", "-tAc", statement).stdout.strip()

    def is_standby(self) -> bool:
        return (self.data / "standby.signal").exists()

    def is_running(self) -> bool:
        bindir = find_bindir()
        if bindir is None or not self.data.exists():
            return False
        return self._run(bindir, "pg_ctl", "status", "-D", str(self.data), check=False).returncode == 0

    def start(self, *, durable: bool = True) -> None:
        """Create the cluster if it does not exist yet, and start it on 127.0.0.1:port."""
        bindir = ensure_installed()
        self.directory.mkdir(parents=True, exist_ok=True)
        self.socket_dir.mkdir(exist_ok=True)
        if _running_as_root():
            shutil.chown(self.directory, SERVER_ACCOUNT)
            shutil.chown(self.socket_dir, SERVER_ACCOUNT)
            # The server account must be able to reach its folder through ours.
            for parent in self.directory.resolve().parents:
                if parent.stat().st_mode & 0o001 == 0:
                    raise LocalPostgresError(f"{parent} is not searchable by the {SERVER_ACCOUNT} account")
        if not (self.data / "PG_VERSION").exists():
            self._run(bindir, "initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                      "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions")
        if self.is_running():
            return
        options = [f"-p {self.port}", "-c listen_addresses=127.0.0.1", f"-k {self.socket_dir}",
                   "-c max_connections=200"]
        if self.is_standby():
            # The primary keeps the rows a long read on the standby still needs, instead of the
            # standby cancelling that read when it replays their removal (an ETL pass, an export).
            options.append("-c hot_standby_feedback=on")
        if not durable:
            # Throwaway test clusters: losing them in a power cut costs nothing.
            options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        self._run(bindir, "pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data),
                  "-l", str(self.log_file), "-o", " ".join(options))

    def start_as_replica_of(self, primary: Cluster, *, slot: str | None = None, durable: bool = False) -> None:
        """A hot standby streaming from ``primary``: a base backup, then recovery that follows its WAL.

        With ``slot``, it streams through that replication slot (created when missing): the primary
        keeps every WAL segment the standby has not received, however long it was away.
        """
        bindir = ensure_installed()
        self.directory.mkdir(parents=True, exist_ok=True)
        if _running_as_root():
            shutil.chown(self.directory, SERVER_ACCOUNT)
        if not (self.data / "PG_VERSION").exists():
            slot_options = []
            if slot is not None:
                exists = primary.psql(f"SELECT 1 FROM pg_replication_slots WHERE slot_name = {_literal(slot)}")
                slot_options = [f"--slot={slot}", *([] if exists else ["--create-slot"])]
            self._run(bindir, "pg_basebackup", "-h", "127.0.0.1", "-p", str(primary.port), "-U", SUPERUSER,
                      "-D", str(self.data), "--write-recovery-conf", "--wal-method=stream", "--checkpoint=fast",
                      *slot_options)
        self.start(durable=durable)

    def configure(self, settings: Mapping[str, str], *, durable: bool = True) -> bool:
        """Server settings kept in the cluster (ALTER SYSTEM); restarts it when one needs a restart.

        Returns whether it restarted. Settings already in force change nothing.
        """
        restart = False
        for name, value in settings.items():
            context, current = self.psql(
                f"SELECT context, current_setting(name) FROM pg_settings WHERE name = {_literal(name)}").split("|", 1)
            if current == value:
                continue
            self.psql(f"ALTER SYSTEM SET {name} = {_literal(value)}")
            restart = restart or context == "postmaster"
        if restart:
            self.stop()
            self.start(durable=durable)
            self.wait_until_ready()
        else:
            self.psql("SELECT pg_reload_conf()")
        return restart

    def promote(self) -> None:
        """End recovery: the standby becomes a primary that accepts writes."""
        self._run(ensure_installed(), "pg_ctl", "promote", "-w", "-t", "60", "-D", str(self.data))

    def stop(self, mode: str = "fast") -> None:
        """Stop the server; ``mode="immediate"`` is a crash: no checkpoint, recovery at the next start."""
        bindir = find_bindir()
        if bindir is not None and self.is_running():
            self._run(bindir, "pg_ctl", "stop", "-w", "-m", mode, "-D", str(self.data))

    def create_database(self, name: str) -> str:
        if not self.psql(f"SELECT 1 FROM pg_database WHERE datname = {_literal(name)}"):
            self._run(ensure_installed(), "createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", SUPERUSER, name)
        return self.url(name)

    def wait_until_ready(self, timeout: float = 30.0) -> None:
        bindir = ensure_installed()
        deadline = time.monotonic() + timeout
        while self._run(bindir, "pg_isready", "-h", "127.0.0.1", "-p", str(self.port), check=False).returncode != 0:
            if time.monotonic() > deadline:
                raise LocalPostgresError(f"PostgreSQL on port {self.port} did not become ready")
            time.sleep(0.2)


def _literal(value: str) -> str:
    """A string as an SQL literal."""
    return "'" + value.replace("'", "''") + "'"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="localpg", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    start = sub.add_parser("start", help="create (once) and start the cluster, create the database, print its URL")
    start.add_argument("--dir", type=Path, required=True)
    start.add_argument("--port", type=int, default=5433)
    start.add_argument("--database", default="fuelstats")
    stop = sub.add_parser("stop", help="stop the cluster")
    stop.add_argument("--dir", type=Path, required=True)
    args = parser.parse_args(argv)
    try:
        if args.command == "start":
            cluster = Cluster(args.dir.resolve(), args.port)
            cluster.start()
            cluster.wait_until_ready()
            print(cluster.create_database(args.database))
        else:
            Cluster(args.dir.resolve(), 0).stop()
    except (LocalPostgresError, subprocess.CalledProcessError) as error:
        print(f"localpg: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
