"""ETL benchmark: throughput against a raw _bulk of the same documents, memory, freshness, catch-up.

All against a throwaway PostgreSQL cluster and a real Elasticsearch node, in one run:

- throughput: `fuelstats etl run --once` over N action logs, in documents per second, beside a raw
  _bulk of the same documents (bodies serialized beforehand, as many requests in flight as the ETL)
  into an index with the same mapping, and the client's `parallel_bulk` helper for comparison,
  after a warm-up of the node; once with every process on every core, once with Elasticsearch
  on cores of its own;
- peak memory (max RSS) of that ETL process at each N: flat means it streams;
- freshness: while `fuelstats etl run` follows with its default interval, the time from a commit
  to its document being searchable (p50, p95);
- catch-up: Elasticsearch stopped for a while as rows keep coming; the time from its return until
  every row is searchable, against the length of the outage.

    python -m bench.etl --output docs/benchmarks.md [--sizes 100000 1000000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import platform
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from elasticsearch import ApiError
from elasticsearch.helpers import parallel_bulk
from sqlalchemy import text

from bench.common import (
    FUELSTATS,
    action_log,
    collector_cluster,
    copy_action_logs,
    elasticsearch_node,
    fuelstats_env,
    percentile,
    write_section,
)
from fuelstats.collector import ingest
from fuelstats.core.database import engine_for
from fuelstats.etl import search, source, transform
from fuelstats.etl.pipeline import IN_FLIGHT
from fuelstats.etl.settings import EtlSettings
from tools.locales import Node
from tools.localpg import Cluster

SECTION = "etl"
PREFIX = "bench"
MASTERS = 100
ROUNDS = 2  # of the ETL and the baseline, alternately; the best of each counts
# The ETL as shipped: its default batch size and interval, whatever the caller's environment says.
DEFAULT_BATCH_SIZE = EtlSettings.model_fields["etl_batch_size"].default
DEFAULT_INTERVAL = EtlSettings.model_fields["etl_interval"].default


def fill(url: str, rows: int, offset: int = 0) -> None:
    """N action logs of 100 master nodes, COPYed in chunks."""
    for start in range(offset, offset + rows, 100_000):
        chunk = [action_log(f"bench-master-{i % MASTERS:03d}", i) for i in range(start, min(start + 100_000, offset + rows))]
        copy_action_logs(url, [chunk])


def peak_rss(pid: int) -> int:
    """The process's peak RSS in bytes since its exec (VmHWM; ru_maxrss would count our fork of it)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_once(url: str, node: Node) -> tuple[float, int]:
    """`fuelstats etl run --once`: the seconds its action-log pass took, and its peak RSS in bytes."""
    process = subprocess.Popen([FUELSTATS, "etl", "run", "--once"],
                               env=fuelstats_env(url, elasticsearch_url=node.url, index_prefix=PREFIX,
                                                 log_level="INFO"),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    # Read stderr as it comes, so that the pipe never fills and stalls the ETL.
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stderr or []))
    reader.start()
    while process.poll() is None:
        peak = max(peak, peak_rss(process.pid))
        time.sleep(0.05)
    reader.join()
    if process.returncode != 0:
        raise RuntimeError(f"etl run failed: {''.join(lines)[-2000:]}")
    passes = [json.loads(line) for line in lines if '"pass done"' in line]
    return next(p["seconds"] for p in passes if p["stream"] == "action_logs"), peak


def baseline_actions(url: str, rows: int, index: str) -> list[dict[str, Any]]:
    """The documents the ETL would write, built beforehand, for an index of their own."""
    with engine_for(url).connect() as connection, connection.begin():
        return [search.index_action(transform.action_log_document(row), index)
                for row in itertools.islice(source.rows_visible(connection, "action_logs", batch_size=10_000), rows)]


def timed_into_fresh_index(node: Node, index: str, write: Callable[[Any], None]) -> float:
    es = search.connect(node.url)
    es.indices.delete(index=index, ignore_unavailable=True)
    es.indices.create(index=index, settings=search.INDEX_SETTINGS,
                      mappings=search.KINDS["action_logs"]._doc_type.mapping.to_dict())
    started = time.perf_counter()
    write(es)
    elapsed = time.perf_counter() - started
    es.indices.delete(index=index)
    return elapsed


def raw_bulk(url: str, node: Node, rows: int, index: str = f"{PREFIX}-raw-action_logs") -> float:
    """The floor: the same documents as _bulk bodies serialized beforehand, posted with as many
    requests in flight as the ETL keeps."""
    actions = baseline_actions(url, rows, index)
    size = DEFAULT_BATCH_SIZE
    bodies = [search.bulk_body(actions[start:start + size]) for start in range(0, len(actions), size)]

    def write(es: Any) -> None:
        def post(body: bytes) -> None:
            if es.bulk(operations=body, filter_path="errors")["errors"]:
                raise RuntimeError("the baseline's documents were refused")

        with ThreadPoolExecutor(IN_FLIGHT) as pool:
            list(pool.map(post, bodies))

    return len(actions) / timed_into_fresh_index(node, index, write)


def helper_bulk(url: str, node: Node, rows: int, index: str = f"{PREFIX}-helper-action_logs") -> float:
    """For comparison: the same documents through the client's `parallel_bulk` helper, as many in flight."""
    actions = baseline_actions(url, rows, index)

    def write(es: Any) -> None:
        for ok, item in parallel_bulk(es, actions, chunk_size=DEFAULT_BATCH_SIZE, thread_count=IN_FLIGHT):
            if not ok:
                raise RuntimeError(f"the helper's document was refused: {item}")

    return len(actions) / timed_into_fresh_index(node, index, write)


def warm_up(url: str, node: Node) -> None:
    """A fresh node compiles its indexing paths as it goes: whoever indexes first would pay for it."""
    raw_bulk(url, node, 100_000, index=f"{PREFIX}-warm-up")


def forget_indexing(url: str, node: Node) -> None:
    """No documents and no checkpoints: the next ETL run carries every row again."""
    search.connect(node.url).indices.delete(index=f"{PREFIX}-*", ignore_unavailable=True, allow_no_indices=True)
    with engine_for(url).begin() as connection:
        connection.execute(text("TRUNCATE etl_checkpoints"))


def reset(url: str, node: Node) -> None:
    forget_indexing(url, node)
    with engine_for(url).begin() as connection:
        connection.execute(text("TRUNCATE action_log_keys, action_logs"))


def searchable(es: Any, document_id: str) -> bool:
    try:
        return bool(es.exists(index=search.alias(PREFIX, "action_logs"), id=document_id))
    except ApiError:  # a node coming back answers 503 until its shards are up
        return False


def follow(url: str, node: Node) -> subprocess.Popen[bytes]:
    return subprocess.Popen([FUELSTATS, "etl", "run"], env=fuelstats_env(url, elasticsearch_url=node.url,
                                                                          index_prefix=PREFIX),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def freshness(url: str, node: Node, samples: int) -> list[float]:
    """Seconds from a commit to its document being searchable, while the ETL follows."""
    reset(url, node)
    es = search.connect(node.url)
    follower = follow(url, node)
    engine = engine_for(url)
    delays = []
    try:
        for n in range(samples):
            committed = time.monotonic()
            ingest.record_action_logs(engine, None, [action_log("fresh", 50_000_000 + n)])
            while not searchable(es, f"fresh:{50_000_000 + n}"):
                time.sleep(0.1)
            delays.append(time.monotonic() - committed)
            # Commits land at random phases of the follower's interval, as real ones do.
            time.sleep(random.uniform(0, DEFAULT_INTERVAL))
    finally:
        follower.send_signal(signal.SIGTERM)
        follower.wait(timeout=60)
    return delays


def catch_up(url: str, node: Node, outage: float) -> tuple[float, float]:
    """Elasticsearch away for ``outage`` seconds while rows arrive: seconds until all are searchable again."""
    reset(url, node)
    es = search.connect(node.url)
    follower = follow(url, node)
    engine = engine_for(url)
    writing = threading.Event()
    written: list[int] = []

    def writer() -> None:
        n = 60_000_000
        while not writing.is_set():
            ingest.record_action_logs(engine, None, [action_log("outage", n + i) for i in range(100)])
            written.append(n + 99)
            n += 100
            time.sleep(0.5)

    try:
        time.sleep(2)
        thread = threading.Thread(target=writer)
        thread.start()
        node.stop()
        stopped = time.monotonic()
        time.sleep(outage)
        node.start()
        back = time.monotonic()
        measured_outage = back - stopped
        writing.set()
        thread.join()
        last = written[-1]
        while not searchable(es, f"outage:{last}"):
            time.sleep(0.2)
        return measured_outage, time.monotonic() - back
    finally:
        follower.send_signal(signal.SIGTERM)
        follower.wait(timeout=60)


def process_tree(root: int) -> list[int]:
    """The process and its descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    tree, pending = [], [root]
    while pending:
        pid = pending.pop()
        tree.append(pid)
        pending += children.get(pid, [])
    return tree


def pin(root: int, cores: set[int]) -> None:
    """Every thread of the process and of its descendants runs on these cores only."""
    for pid in process_tree(root):
        for thread in Path(f"/proc/{pid}/task").glob("*"):
            try:
                os.sched_setaffinity(int(thread.name), cores)
            except OSError:  # gone meanwhile
                pass


@contextmanager
def elasticsearch_apart(node: Node, cluster: Cluster) -> Iterator[str | None]:
    """Elasticsearch on half of the cores; PostgreSQL, the ETL and the baseline's client on the other
    half, as when Elasticsearch has machines of its own. Yields the layout (None on a single core)."""
    everything = os.sched_getaffinity(0)
    cores = sorted(everything)
    node_pid, postmaster = node.pid(), cluster.pid()
    if len(cores) < 2 or node_pid is None or postmaster is None:
        yield None
        return
    half = len(cores) // 2
    pin(node_pid, set(cores[:half]))
    pin(postmaster, set(cores[half:]))
    os.sched_setaffinity(0, set(cores[half:]))  # the ETL's process and the baseline's threads start from here
    try:
        yield f"Elasticsearch {half}, the rest {len(cores) - half}"
    finally:
        os.sched_setaffinity(0, everything)
        pin(postmaster, everything)
        pin(node_pid, everything)


def throughput(url: str, node: Node, rows: int) -> dict[str, float]:
    """The ETL, the raw bulk and the helper over the same rows; the best of ROUNDS alternating runs each."""
    etl_rate = bulk_rate = helper_rate = peak = 0.0
    for _ in range(ROUNDS):  # alternating, so that none gains from the node warming up
        forget_indexing(url, node)
        etl_seconds, etl_peak = run_once(url, node)
        etl_rate, peak = max(etl_rate, rows / etl_seconds), max(peak, etl_peak)
        bulk_rate = max(bulk_rate, raw_bulk(url, node, rows))
        helper_rate = max(helper_rate, helper_bulk(url, node, rows))
    return {"etl_rate": etl_rate, "bulk_rate": bulk_rate, "helper_rate": helper_rate, "ratio": etl_rate / bulk_rate,
            "peak_mib": peak / 2**20}


def measure(sizes: list[int], samples: int, outage: float) -> dict[str, Any]:
    results: dict[str, Any] = {"throughput": []}
    with collector_cluster() as (cluster, url), elasticsearch_node() as node:
        for rows in sizes:
            reset(url, node)
            fill(url, rows)
            warm_up(url, node)
            shared = f"all {os.cpu_count()} shared"
            results["throughput"].append({"rows": rows, "layout": shared, **throughput(url, node, rows)})
            with elasticsearch_apart(node, cluster) as apart:
                if apart:
                    warm_up(url, node)
                    results["throughput"].append({"rows": rows, "layout": apart, **throughput(url, node, rows)})
        delays = freshness(url, node, samples)
        results["freshness"] = {"samples": len(delays), "p50": percentile(delays, 0.5), "p95": percentile(delays, 0.95)}
        measured_outage, recovery = catch_up(url, node, outage)
        results["catch_up"] = {"outage": measured_outage, "recovery": recovery}
    return results


def render(results: dict[str, Any]) -> str:
    fresh = results["freshness"]
    caught = results["catch_up"]
    lines = [
        f"<!-- {SECTION}: begin -->",
        "## ETL: PostgreSQL to Elasticsearch",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, {os.cpu_count()} cores, by"
        " `make bench` (bench/etl.py), against a throwaway PostgreSQL cluster and one Elasticsearch node",
        "(1 GiB heap) on the same machine. `fuelstats etl run --once` carries N action logs; the baseline",
        "posts the same documents as _bulk bodies serialized beforehand, with as many requests in flight as the ETL",
        f"({IN_FLIGHT}), in the same run, after a warm-up of the node; for comparison, the client's `parallel_bulk`",
        f"helper sends them too. Each runs {ROUNDS} times, alternately, and its best run counts. The ETL's",
        "rate is its pass's own (reading, transforming, writing, checkpoints), without the process's start.",
        "",
        "Each size is measured twice: with every process free to run on every core, and with Elasticsearch",
        "on cores of its own (the others run PostgreSQL, the ETL and the baseline's client), as in production,",
        "where Elasticsearch has machines of its own. On shared cores the raw baseline spends next to no CPU",
        "besides Elasticsearch's, so every CPU-second that reading PostgreSQL and writing documents takes is",
        "one Elasticsearch does not get: that ratio tells what the ETL costs the machine, the other how close",
        "it comes to what Elasticsearch can take, which is what the target is about.",
        "Targets: at least 60% of the raw bulk rate (Elasticsearch apart), flat memory, freshness p95 under 60 s.",
        "",
        "| action logs | cores | ETL docs/s | raw _bulk docs/s | ETL / raw | client helper docs/s | ETL peak RSS |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results["throughput"]:
        lines.append(f"| {r['rows']:,} | {r['layout']} | {r['etl_rate']:,.0f} | {r['bulk_rate']:,.0f} |"
                     f" {r['ratio']:.0%} | {r['helper_rate']:,.0f} | {r['peak_mib']:.0f} MiB |")
    lines += [
        "",
        f"Freshness while following (default interval {DEFAULT_INTERVAL:g} s), commit to searchable,"
        f" {fresh['samples']} samples: p50 {fresh['p50']:.1f} s, p95 {fresh['p95']:.1f} s.",
        "",
        f"Catch-up: Elasticsearch down for {caught['outage']:.0f} s while 200 logs a second kept arriving;"
        f" everything was searchable {caught['recovery']:.1f} s after it came back"
        f" ({caught['recovery'] / caught['outage']:.0%} of the outage).",
        "",
        f"<!-- {SECTION}: end -->",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=Path("docs/benchmarks.md"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--outage", type=float, default=30.0)
    args = parser.parse_args()
    section = render(measure(args.sizes, args.samples, args.outage))
    print(section)
    write_section(args.output, SECTION, section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
