"""Ingest benchmark: the collector on what Fuel masters really send, against raw COPY, before and after.

Payloads come from bench/fleet.py (seeded: the same bytes every run). Senders post pre-encoded
batches concurrently, each on its own keep-alive connection; the baseline COPYs the same rows into
the same tables on the same cluster in the same run. The collector is measured twice in the same
session: as this checkout has it ("after") and as the revision given by ``--before`` had it (the
code before issue 13: served from a `git archive` of that revision with the same interpreter and
libraries), runs alternating, best of ``--rounds`` each. Server CPU comes from /proc: the
collector's processes (gunicorn's master and workers) and PostgreSQL's (the postmaster, its backends
and helpers, exited backends included) apart. Results go to docs/benchmarks.md.

    python -m bench.collector_ingest --output docs/benchmarks.md [--before 97c0831] [--rounds 3]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import datetime as dt
import http.client
import io
import json
import os
import platform
import queue
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import orjson
from sqlalchemy import text

from bench import fleet
from bench.common import (
    BEFORE,
    FUELSTATS,
    collector_cluster,
    free_port,
    fuelstats_env,
    load_average,
    percentile,
    source_of,
    write_section,
)
from fuelstats.core.database import engine_for
from fuelstats_common import signatures
from tools.service import wait_ready

SECTION = "collector-ingest"
LOG_ROWS = 30_000
STRUCTURES = 600
WORKERS = 2
ACTION_LOGS = "/api/v1/action_logs/"
STRUCTURE = "/api/v1/installation_structure/"
TICK = os.sysconf("SC_CLK_TCK")


# --- CPU from /proc --------------------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found += [int(child) for child in (task / "children").read_text().split()]
    return found


def _cpu_seconds(pid: int, *, reaped: bool) -> float:
    """User and system time of the process (and of its exited, reaped children when ``reaped``)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12]) + ((int(fields[13]) + int(fields[14])) if reaped else 0)
    return ticks / TICK


def tree_cpu(root: int) -> float:
    """CPU seconds of a process tree so far: the root with what it reaped, and its live descendants."""
    total, pending = _cpu_seconds(root, reaped=True), _children(root)
    while pending:
        pid = pending.pop()
        total += _cpu_seconds(pid, reaped=False)
        pending += _children(pid)
    return total


# --- the servers -----------------------------------------------------------------------------------

@dataclass
class Server:
    name: str
    base: str
    pid: int


@contextlib.contextmanager
def collector(name: str, database_url: str, extra_env: dict[str, str]) -> Iterator[Server]:
    base = f"http://127.0.0.1:{free_port()}"
    env = {**fuelstats_env(database_url, collector_metrics_bind="off"), **extra_env}
    process = subprocess.Popen([FUELSTATS, "collector", "serve", "--bind", base.removeprefix("http://"),
                                "--workers", str(WORKERS)], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        if not wait_ready(f"{base}/api/v1/ping/", 60, process):
            raise RuntimeError(f"the {name} collector did not start")
        yield Server(name, base, process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)


# --- requests --------------------------------------------------------------------------------------

@dataclass
class Request:
    path: str
    body: bytes
    headers: dict[str, str]
    records: int


def log_requests(batches: list[list[dict[str, Any]]]) -> list[Request]:
    return [Request(ACTION_LOGS, json.dumps({"action_logs": batch}).encode(),
                    {"content-type": "application/json", "master-node-uid": batch[0]["master_node_uid"]}, len(batch))
            for batch in batches]


def structure_requests(structures: list[dict[str, Any]]) -> list[Request]:
    return [Request(STRUCTURE, json.dumps({"installation_structure": structure}).encode(),
                    {"content-type": "application/json", "master-node-uid": structure["master_node_uid"]}, 1)
            for structure in structures]


def signed(requests: list[Request], keys: dict[str, Any]) -> list[Request]:
    """The requests signed as the kit signs them (fresh nonces: sign just before sending)."""
    done = []
    for request in requests:
        headers = httpx.Headers(request.headers)
        signatures.sign(signatures.HttpMessage("POST", f"http://collector{request.path}", headers),
                        keys[request.headers["master-node-uid"]], request.body)
        done.append(Request(request.path, request.body, dict(headers), request.records))
    return done


def enrol(base: str, keys: dict[str, Any]) -> None:
    from fuelstats_kit.collector import Collector

    for uid, key in keys.items():
        client = Collector(base, uid, 30.0, key=key)
        try:
            client.enrol()
        finally:
            client.close()


@dataclass
class Run:
    rate: float
    p50_ms: float
    p99_ms: float
    app_ms: float  # CPU per 1000 records
    pg_ms: float
    load: float
    statuses: dict[str, int] = field(default_factory=dict)
    split: str = ""  # the workers' shares of the collector's CPU, least busy first
    client_ms: float = 0.0  # the senders' own CPU per 1000 records: they share the machine's cores


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def send_all(server: Server, postgres: int, requests: list[Request], senders: int, *, keep_alive: bool = True) -> Run:
    """Post every request, ``senders`` at a time, each sender on its own keep-alive connection (or on a
    new connection per request, as statsenderd does: ``requests.post`` without a session)."""
    pending: queue.SimpleQueue[Request | None] = queue.SimpleQueue()
    for request in requests:
        pending.put(request)
    for _ in range(senders):
        pending.put(None)
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    lock = threading.Lock()

    host, port = server.base.removeprefix("http://").rsplit(":", 1)

    def sender() -> None:
        # http.client, not httpx: the senders share the machine's cores with the servers they measure,
        # and httpx took about 1 ms of CPU per request (a quarter of the machine at these rates).
        # A connection the server closes (Connection: close) is opened again by the next request.
        connection = http.client.HTTPConnection(host, int(port), timeout=120)
        try:
            while (request := pending.get()) is not None:
                started = time.perf_counter()
                headers = request.headers if keep_alive else {**request.headers, "connection": "close"}
                connection.request("POST", request.path, body=request.body, headers=headers)
                response = connection.getresponse()
                payload = response.read()
                elapsed = time.perf_counter() - started
                if response.status not in (200, 201):
                    raise RuntimeError(f"{server.name}: HTTP {response.status} {payload[:300]!r}")
                answer = orjson.loads(payload)
                with lock:
                    latencies.append(elapsed)
                    for item in answer.get("action_logs", [{"status": str(response.status)}]):
                        statuses[item["status"]] = statuses.get(item["status"], 0) + 1
        finally:
            connection.close()

    load = load_average()
    workers = _children(server.pid)
    workers_before = [tree_cpu(worker) for worker in workers]
    app_before, pg_before, client_before = tree_cpu(server.pid), tree_cpu(postgres), _own_cpu()
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(senders) as pool:
        for future in [pool.submit(sender) for _ in range(senders)]:
            future.result()
    elapsed = time.perf_counter() - started
    app, pg, client = tree_cpu(server.pid) - app_before, tree_cpu(postgres) - pg_before, _own_cpu() - client_before
    worked = [tree_cpu(worker) - before for worker, before in zip(workers, workers_before, strict=True)]
    split = "/".join(f"{share / (sum(worked) or 1):.0%}".removesuffix("%") for share in sorted(worked))
    records = sum(request.records for request in requests)
    return Run(records / elapsed, percentile(latencies, 0.50) * 1000, percentile(latencies, 0.99) * 1000,
               app / records * 1e6, pg / records * 1e6, load, statuses, split, client / records * 1e6)


# --- the COPY baselines ----------------------------------------------------------------------------

def _copy(url: str, postgres: int, statements: list[tuple[str, io.StringIO]], records: int) -> Run:
    raw = engine_for(url).raw_connection()
    try:
        load, pg_before = load_average(), tree_cpu(postgres)
        started = time.perf_counter()
        with raw.cursor() as cursor:
            for statement, rows in statements:
                rows.seek(0)
                cursor.copy_expert(statement, rows)
        raw.commit()
        elapsed = time.perf_counter() - started
        pg = tree_cpu(postgres) - pg_before
    finally:
        raw.close()
    return Run(records / elapsed, 0.0, 0.0, 0.0, pg / records * 1e6, load)


def _copy_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def copy_logs(url: str, postgres: int, batches: list[list[dict[str, Any]]]) -> Run:
    """The floor of storing these logs: one COPY of the keys and one of the logs, bodies as sent."""
    logs = [log for batch in batches for log in batch]
    keys = io.StringIO("".join(f"{log['master_node_uid']}\t{log['external_id']}\n" for log in logs))
    rows = io.StringIO("".join(
        f"{log['master_node_uid']}\t{log['external_id']}\t{log['body']['action_type']}\t{log['body']['action_name']}"
        f"\t{_copy_text(json.dumps(log['body']))}\n" for log in logs))
    return _copy(url, postgres, [
        ("COPY action_log_keys (master_node_uid, external_id) FROM STDIN", keys),
        ("COPY action_logs (master_node_uid, external_id, action_type, action_name, body) FROM STDIN", rows),
    ], len(logs))


def copy_structures(url: str, postgres: int, structures: list[dict[str, Any]]) -> Run:
    rows = io.StringIO("".join(
        f"{s['master_node_uid']}\t{_copy_text(json.dumps(s))}\t{s['fuel_release']['release']}\tf\n"
        for s in structures))
    return _copy(url, postgres, [
        ("COPY installation_structures (master_node_uid, structure, release, is_filtered) FROM STDIN", rows),
    ], len(structures))


def reset(url: str) -> None:
    with engine_for(url).begin() as connection:
        connection.execute(text("TRUNCATE action_log_keys, action_logs, installation_structures, signature_nonces"))
    with engine_for(url).connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE"))
        connection.execute(text("CHECKPOINT"))


# --- the measurement -------------------------------------------------------------------------------

@dataclass
class Scenario:
    """One row of the table: what is sent, by how many senders, and what it is set against."""

    name: str
    senders: int
    copy: str  # the baseline's name
    records: str = "logs"


SCENARIOS = [
    Scenario("new action logs", 8, "logs"),
    Scenario("resent action logs (all existed)", 8, "logs"),
    Scenario("new action logs, a connection per request", 8, "logs"),
    Scenario("new action logs", 4, "logs"),
    Scenario("new action logs, signed", 8, "logs"),
    Scenario("installation structures, first", 8, "structures", "structures"),
    Scenario("installation structures, replace", 8, "structures", "structures"),
    Scenario("installation structures, first", 4, "structures", "structures"),
]


def measure_round(url: str, postgres: int, server: Server, payloads: dict[str, Any]) -> dict[tuple[str, int], Run]:
    """Every scenario once against ``server``, each from an emptied database (resends and replaces
    after the run that stored them first)."""
    runs: dict[tuple[str, int], Run] = {}
    logs, structures = payloads["log_requests"], payloads["structure_requests"]
    reset(url)
    runs[("new action logs", 8)] = send_all(server, postgres, logs, 8)
    runs[("resent action logs (all existed)", 8)] = send_all(server, postgres, logs, 8)
    reset(url)
    runs[("new action logs, a connection per request", 8)] = send_all(server, postgres, logs, 8, keep_alive=False)
    reset(url)
    runs[("new action logs", 4)] = send_all(server, postgres, logs, 4)
    reset(url)
    runs[("new action logs, signed", 8)] = send_all(server, postgres, signed(payloads["signed_requests"],
                                                                              payloads["keys"]), 8)
    reset(url)
    runs[("installation structures, first", 8)] = send_all(server, postgres, structures, 8)
    runs[("installation structures, replace", 8)] = send_all(server, postgres, structures, 8)
    reset(url)
    runs[("installation structures, first", 4)] = send_all(server, postgres, structures, 4)
    return runs


def best(runs: list[Run]) -> Run:
    return max(runs, key=lambda run: run.rate)


def measure(log_rows: int, structure_count: int, before: str, rounds: int) -> dict[str, Any]:
    batches = fleet.action_log_batches(log_rows, 100)
    signed_batches = fleet.action_log_batches(log_rows, 100, masters=fleet.master_uids(seed=15))
    structures = fleet.installation_structures(structure_count)
    keys = {uid: signatures.new_private_key() for uid in fleet.master_uids(seed=15)}
    payloads = {"log_requests": log_requests(batches), "structure_requests": structure_requests(structures),
                "signed_requests": log_requests(signed_batches), "keys": keys}
    results: dict[str, dict[tuple[str, int], list[Run]]] = {"before": {}, "after": {}}
    copies: dict[str, list[Run]] = {"logs": [], "structures": []}
    with collector_cluster() as (cluster, url), source_of(before) as before_env, \
            collector("before", url, before_env) as old, collector("after", url, {}) as new:
        postgres = cluster.pid()
        assert postgres is not None
        for server in (old, new):
            enrol(server.base, keys)  # the keys table is not emptied between runs: enrolled once, for both
            send_all(server, postgres, log_requests(fleet.action_log_batches(2_000, 100, offset=10**9)), 8)  # warm up
            send_all(server, postgres, structure_requests(fleet.installation_structures(40, seed=99)), 8)
        for round_ in range(rounds):
            order = (old, new) if round_ % 2 == 0 else (new, old)
            for server in order:
                for key, run in measure_round(url, postgres, server, payloads).items():
                    results[server.name].setdefault(key, []).append(run)
            reset(url)
            copies["logs"].append(copy_logs(url, postgres, batches))
            reset(url)
            copies["structures"].append(copy_structures(url, postgres, structures))
    return {
        "rows": {name: {key: best(runs) for key, runs in by_key.items()} for name, by_key in results.items()},
        "copies": {name: best(runs) for name, runs in copies.items()},
        "loads": [run.load for by_key in results.values() for runs in by_key.values() for run in runs],
        "log_rows": log_rows, "structures": structure_count, "before": before, "rounds": rounds,
    }


def ceilings(results: dict[str, Any]) -> list[str]:
    """Per record, where the CPU goes, and the rate that much CPU allows on every core of the machine."""
    cores = os.cpu_count() or 1
    lines = [f"Where the CPU goes at 8 senders (*after*), and the most it allows on {cores} cores with nothing else running:"]
    for scenario, copy in ((("new action logs", 8), "logs"), (("installation structures, first", 8), "structures")):
        run, old = results["rows"]["after"][scenario], results["rows"]["before"][scenario]
        total = run.app_ms + run.pg_ms
        ceiling = cores * 1e6 / total
        lines.append(f"- {scenario[0]}: {run.app_ms:.0f} ms of the collector's CPU and {run.pg_ms:.0f} ms of PostgreSQL's"
                     f" per 1000, {total:.0f} ms in all (the senders took {run.client_ms:.0f} ms more): at most {ceiling:,.0f} per second, {ceiling / results['copies'][copy].rate:.0%}"
                     f" of this run's COPY and {ceiling / old.rate:.1f}x this run's *before* (measured:"
                     f" {run.rate / results['copies'][copy].rate:.0%} and {run.rate / old.rate:.1f}x).")
    new, resent = results["rows"]["after"][("new action logs", 8)], results["rows"]["after"][
        ("resent action logs (all existed)", 8)]
    lines.append(f"- resent action logs (all existed): {resent.app_ms:.0f} ms and {resent.pg_ms:.0f} ms per 1000,"
                 f" {resent.app_ms + resent.pg_ms:.0f} ms in all against {new.app_ms + new.pg_ms:.0f} ms for new ones.")
    first, old_first = (results["rows"][name][("installation structures, first", 8)] for name in ("after", "before"))
    lines += ["", f"Against the targets, in this run: new action logs at {new.rate / results['copies']['logs'].rate:.0%}"
                  f" of COPY (35% wanted) with p99 {new.p99_ms:.0f} ms (under 50 wanted); installation structures at"
                  f" {first.rate / old_first.rate:.1f}x *before* (3x wanted) with p99 {first.p99_ms:.0f} ms (under 50"
                  f" wanted); resends {'cheaper' if resent.app_ms + resent.pg_ms < new.app_ms + new.pg_ms else 'dearer'}"
                  " than new records."]
    return lines


def render(results: dict[str, Any]) -> str:
    loads = results["loads"]
    copies = results["copies"]
    lines = [
        f"<!-- {SECTION}: begin -->",
        "## Collector ingest: what Fuel masters send, through HTTP, against raw COPY",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, {os.cpu_count()} cores,"
        f" Python {platform.python_version()}, by `make bench` (bench/collector_ingest.py), best of"
        f" {results['rounds']} alternating rounds; load average (1 min) at the start of the runs"
        f" {min(loads):.2f} to {max(loads):.2f}.",
        f"The collector runs under gunicorn with {WORKERS} workers, PostgreSQL on the same machine. Payloads are"
        " bench/fleet.py's, shaped like the fleet's: batches of 100 action logs from 100 master nodes (one in",
        "three a finished `nailgun_task`, nulls in the nullable fields, nested `additional_info`, about 760 bytes",
        f"each), {results['log_rows']:,} per run; {results['structures']:,} installation structures of about 50 KB"
        " with every node's `meta`. Each sender posts on its own keep-alive connection (Python's http.client: the",
        "senders share the machine's cores with the servers, and httpx, which they used in this section's earlier runs, took about",
        "1 ms of CPU per request, a quarter of the machine at these rates; their CPU is in the table); signed runs are",
        "signed as the kit signs (RFC 9421, Ed25519) by 100 enrolled master nodes. CPU is per 1000 records:",
        "the collector's processes and PostgreSQL's apart. *before* is the collector as it was at"
        f" `{results['before']}`, measured in the same session on the same cluster (whose schema is this checkout's:",
        "structures compressed with lz4, migration 0007, for *before* and COPY too); COPY is the same rows",
        "COPYed into the same tables (keys and logs; structures) in the same session.",
        "Targets (issue 13): new action logs at 8 senders at least 35% of COPY with p99 under 50 ms;",
        "structures at least 3x *before* with p99 under 50 ms at 8 senders; resends cheaper than new records.",
        "On a machine other engineers load, rates and latencies move with their work from run to run; the CPU",
        "per 1000 records moves far less, and is what tells one version of the code from another.",
        "The last column is each worker's share of the collector's CPU: a keep-alive connection stays with the",
        "worker that accepted it, and *after* closes one at its 2nd request so that the load evens out",
        "(docs/collector.md#serving); the fleet's statsenderd opens a connection per request.",
        "",
        "Rows in this section before 2026-11-28 (about 20,400 logs/s at batch 100, 22% of COPY) were measured on",
        "other payloads: one kind of log (an API request), every field set, no nulls, `additional_info` with",
        "empty `data`, about 520 bytes each (bench/common.py's `action_log`), 4 senders. jsonschema-rs, which did",
        "not know OpenAPI's `nullable` then, took every such batch on its fast path; every batch the fleet sends",
        "holds a null and went to the Python validator, half of the collector's CPU (issue 13).",
        "",
        "| records | senders | code | records/s | of COPY | p50 | p99 | app CPU ms/1000 | PostgreSQL CPU ms/1000"
        " | senders' CPU ms/1000 | workers' CPU split |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for scenario in SCENARIOS:
        copy = copies[scenario.copy]
        for name in ("before", "after"):
            run = results["rows"][name][(scenario.name, scenario.senders)]
            lines.append(f"| {scenario.name} | {scenario.senders} | {name} | {run.rate:,.0f} | {run.rate / copy.rate:.0%}"
                         f" | {run.p50_ms:.1f} ms | {run.p99_ms:.1f} ms | {run.app_ms:.0f} | {run.pg_ms:.0f} | {run.client_ms:.0f}"
                         f" | {run.split} |")
    for name, copy in copies.items():
        lines.append(f"| COPY of the same {name} | 1 | COPY | {copy.rate:,.0f} | 100% | | | | {copy.pg_ms:.0f} | | |")
    lines += ["", *ceilings(results), "", f"<!-- {SECTION}: end -->"]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=Path("docs/benchmarks.md"))
    parser.add_argument("--log-rows", type=int, default=LOG_ROWS)
    parser.add_argument("--structures", type=int, default=STRUCTURES)
    parser.add_argument("--before", default=BEFORE, help="the git revision measured as 'before'")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    results = measure(args.log_rows, args.structures, args.before, args.rounds)
    section = render(results)
    print(section)
    write_section(args.output, SECTION, section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
