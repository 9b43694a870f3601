"""What the benchmarks share: generated rows as Fuel sends them, a COPY of them, the results file."""

from __future__ import annotations

import argparse
import io
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fuelstats.core.database import engine_for
from tools.locales import Node
from tools.localpg import Cluster
from tools.service import wait_ready


BEFORE = "c33f7ec"  # main before issue 13: the code of the "before" rows


def load_average() -> float:
    """The 1-minute load average: what else the machine was doing while a benchmark ran."""
    return float(Path("/proc/loadavg").read_text().split()[0])


@contextmanager
def source_of(revision: str) -> Iterator[dict[str, str]]:
    """The environment that makes this interpreter import fuel-stats as ``revision`` had it."""
    folder = Path(tempfile.mkdtemp(prefix="fuelstats-bench-before-", dir="/tmp"))
    try:
        archive = subprocess.run(["git", "archive", revision, "services", "openapi", "config", "clients/common"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
        (folder / "path").mkdir()
        (folder / "path" / "fuelstats").symlink_to(folder / "services")
        (folder / "path" / "fuelstats_common").symlink_to(folder / "clients" / "common" / "fuelstats_common")
        yield {"PYTHONPATH": str(folder / "path")}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def action_log(master: str, external_id: int) -> dict[str, Any]:
    """A log as Fuel sends it: an API request with its request and response data."""
    return {
        "master_node_uid": master,
        "external_id": external_id,
        "body": {
            "id": external_id,
            "actor_id": "5f2a9c0e4d",
            "action_group": "cluster_changes",
            "action_name": "deploy_changes",
            "action_type": "http_request",
            "start_timestamp": "2026-11-20T10:00:00.000000",
            "end_timestamp": "2026-11-20T10:00:01.250000",
            "additional_info": {
                "request_data": {"http_method": "PUT", "url": f"/api/clusters/{external_id % 7}/changes", "data": {}},
                "response_data": {"status": "202 Accepted", "data": {}},
            },
            "is_sent": False,
            "cluster_id": external_id % 7,
        },
    }


def copy_action_logs(url: str, payloads: list[list[dict[str, Any]]]) -> float:
    """The floor of what storing these rows can cost: one COPY of both tables, no HTTP, no JSON checks."""
    logs = [log for batch in payloads for log in batch]
    keys = io.StringIO("".join(f"{log['master_node_uid']}\t{log['external_id']}\n" for log in logs))
    rows = io.StringIO()
    for log in logs:
        body = json.dumps(log["body"]).replace("\\", "\\\\")
        rows.write(f"{log['master_node_uid']}\t{log['external_id']}\thttp_request\tdeploy_changes\t{body}\n")
    rows.seek(0)
    raw = engine_for(url).raw_connection()
    try:
        started = time.perf_counter()
        with raw.cursor() as cursor:
            cursor.copy_expert("COPY action_log_keys (master_node_uid, external_id) FROM STDIN", keys)
            cursor.copy_expert(
                "COPY action_logs (master_node_uid, external_id, action_type, action_name, body) FROM STDIN", rows
            )
        raw.commit()
        elapsed = time.perf_counter() - started
    finally:
        raw.close()
    return len(logs) / elapsed


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def write_section(output: Path, name: str, section: str) -> None:
    """Replace this benchmark's section of the file, leaving the other benchmarks' sections as they are."""
    existing = output.read_text() if output.exists() else "# Benchmarks\n\nWritten by `make bench`.\n\n"
    begin, end = f"<!-- {name}: begin -->", f"<!-- {name}: end -->\n"
    if begin in existing:
        before, rest = existing.split(begin, 1)
        after = rest.split(end, 1)[1] if end in rest else ""
        existing = before + section + after
    else:
        existing = existing.rstrip("\n") + "\n\n" + section
    output.write_text(existing)




def fuelstats_env(database_url: str, **settings: str) -> dict[str, str]:
    """The environment of a fuelstats command of the benchmark: ours, not the caller's settings."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("FUELSTATS_")}
    return {**clean, "FUELSTATS_DATABASE_URL": database_url, "FUELSTATS_LOG_LEVEL": "WARNING",
            **{f"FUELSTATS_{name.upper()}": value for name, value in settings.items()}}


FUELSTATS = str(Path(sys.executable).with_name("fuelstats"))


@contextmanager
def service(command: list[str], env: dict[str, str], ready_path: str, workers: int = 2) -> Iterator[tuple[str, int]]:
    """`fuelstats <command> serve` on a free port until the block ends; yields its base URL and pid."""
    base = f"http://127.0.0.1:{free_port()}"
    server = subprocess.Popen([FUELSTATS, *command, "--bind", base.removeprefix("http://"), "--workers", str(workers)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if not wait_ready(f"{base}{ready_path}", 60, server):
            raise RuntimeError(f"fuelstats {' '.join(command)} did not start")
        yield base, server.pid
    finally:
        server.terminate()
        server.wait(timeout=30)


def run_sized(doc: str, section: str, default_sizes: list[int], measure: Callable[[list[int]], Any],
              render: Callable[[Any], str]) -> int:
    """The main of a benchmark measured at several sizes: measure, print, and write its section."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--output", type=Path, default=Path("docs/benchmarks.md"))
    parser.add_argument("--sizes", type=int, nargs="+", default=default_sizes)
    args = parser.parse_args()
    text = render(measure(sorted(args.sizes)))
    print(text)
    write_section(args.output, section, text)
    return 0


@contextmanager
def collector_cluster() -> Iterator[tuple[Cluster, str]]:
    """A throwaway, durable PostgreSQL cluster with the collector's schema; yields it and the URL."""
    directory = Path(tempfile.mkdtemp(prefix="fuelstats-bench-pg-", dir="/tmp"))
    directory.chmod(0o755)
    cluster = Cluster(directory, free_port())
    try:
        cluster.start()
        cluster.wait_until_ready()
        url = cluster.create_database("bench")
        subprocess.run([FUELSTATS, "db", "upgrade"], env=fuelstats_env(url), check=True, capture_output=True)
        yield cluster, url
    finally:
        cluster.stop()
        shutil.rmtree(directory, ignore_errors=True)


@contextmanager
def collector_database() -> Iterator[str]:
    """A throwaway, durable PostgreSQL cluster with the collector's schema; yields its URL."""
    with collector_cluster() as (_, url):
        yield url


def analytics_reader(cluster: Cluster) -> tuple[str, str]:
    """The analytics' own database in ``cluster``, migrated, with an admin and an API token of theirs: the
    analytics answer nobody without one (docs/authentication.md), and a benchmark reads as a script would.
    Its URL and the token."""
    url = cluster.create_database("bench_analytics")
    env = fuelstats_env("postgresql://unused@127.0.0.1:1/unused", analytics_database_url=url)
    subprocess.run([FUELSTATS, "analytics", "db", "upgrade"], env=env, check=True, capture_output=True)
    subprocess.run([FUELSTATS, "users", "add", "bench", "--role", "admin", "--password-stdin"], env=env, check=True,
                   capture_output=True, input=secrets.token_urlsafe(24), text=True)
    made = subprocess.run([FUELSTATS, "users", "tokens", "create", "bench", "--name", "make bench", "--days", "1"],
                          env=env, check=True, capture_output=True, text=True)
    return url, made.stdout.strip().splitlines()[-1]


@contextmanager
def elasticsearch_node(heap: str = "1g") -> Iterator[Node]:
    directory = Path(tempfile.mkdtemp(prefix="fuelstats-bench-es-", dir="/tmp"))
    node = Node(directory, free_port(), heap=heap)
    try:
        node.start()
        yield node
    finally:
        node.stop()
        shutil.rmtree(directory, ignore_errors=True)
