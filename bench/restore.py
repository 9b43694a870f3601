"""Elasticsearch restore benchmark: a snapshot restored against a rebuild from PostgreSQL with
`fuelstats etl reindex`, at N action logs (1M by default).

Against a throwaway PostgreSQL cluster and a real Elasticsearch node, in one run: the ETL indexes
N action logs; `fuelstats backup snapshot` snapshots them into a shared-filesystem repository on
the same disk; then, twice, the indices are deleted (Elasticsearch lost its data) and brought back,
once by `fuelstats backup restore-snapshot`, once by `fuelstats etl reindex`, each timed from the
command's start until every document is searchable.

    python -m bench.restore --output docs/benchmarks.md [--sizes 1000000]
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.common import FUELSTATS, collector_database, elasticsearch_node, fuelstats_env, run_sized
from bench.etl import fill, reset
from fuelstats.etl import search
from tools.locales import Node

SECTION = "restore"
PREFIX = "bench"


def fuelstats(url: str, node: Node, *arguments: str) -> float:
    """Run a fuelstats command against the benchmark's servers; the seconds it took."""
    env = fuelstats_env(url, elasticsearch_url=node.url, index_prefix=PREFIX, snapshot_repository=PREFIX,
                        snapshot_location=str(node.snapshot_dir / PREFIX))
    started = time.perf_counter()
    result = subprocess.run([FUELSTATS, *arguments], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"fuelstats {' '.join(arguments)} failed: {result.stderr[-2000:]}")
    return elapsed


def searchable(node: Node) -> int:
    es = search.connect(node.url)
    es.indices.refresh(index=search.alias(PREFIX, "action_logs"))
    return int(es.count(index=search.alias(PREFIX, "action_logs"))["count"])


def lose_indices(node: Node) -> None:
    search.connect(node.url).indices.delete(index=f"{PREFIX}-*", ignore_unavailable=True, allow_no_indices=True)


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def measure(sizes: list[int]) -> list[dict[str, Any]]:
    results = []
    with collector_database() as url, elasticsearch_node() as node:
        for rows in sizes:
            reset(url, node)
            fill(url, rows)
            indexed = fuelstats(url, node, "etl", "run", "--once")
            snapshot = fuelstats(url, node, "backup", "snapshot")
            lose_indices(node)
            restore = fuelstats(url, node, "backup", "restore-snapshot")
            assert searchable(node) == rows, "the restored indices hold every document"
            lose_indices(node)
            rebuild = fuelstats(url, node, "etl", "reindex")
            assert searchable(node) == rows, "the rebuilt indices hold every document"
            results.append({"rows": rows, "indexed": indexed, "snapshot": snapshot, "restore": restore,
                            "rebuild": rebuild, "stored": folder_size(node.snapshot_dir / PREFIX)})
    return results


def render(results: list[dict[str, Any]]) -> str:
    lines = [
        f"<!-- {SECTION}: begin -->",
        "## Elasticsearch: restore a snapshot or rebuild from PostgreSQL",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, {os.cpu_count()} cores, by"
        " `make bench` (bench/restore.py), against a throwaway PostgreSQL cluster and one Elasticsearch",
        "node (1 GiB heap) on the same machine, the snapshot repository on the same disk. After the ETL has",
        "indexed N action logs and `fuelstats backup snapshot` has snapshotted them, the indices are deleted",
        "and brought back, by `fuelstats backup restore-snapshot` and by `fuelstats etl reindex`; each is",
        "timed from its command's start until it has returned, when every document is searchable.",
        "",
        "| action logs | first ETL run | snapshot | snapshot size | restore | rebuild (`etl reindex`) | rebuild / restore |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(f"| {r['rows']:,} | {r['indexed']:.1f} s | {r['snapshot']:.1f} s | {r['stored'] / 2**20:,.0f} MiB |"
                     f" {r['restore']:.1f} s | {r['rebuild']:.1f} s | {r['rebuild'] / r['restore']:.1f}x |")
    lines += [
        "",
        "A restore is a copy of files; a rebuild reads every row from PostgreSQL and indexes every document",
        "again. A restore brings back the state of the snapshot, and the ETL then carries what came after it",
        "(docs/backups.md); a rebuild needs no snapshot and is the way after PostgreSQL itself was restored to",
        "an earlier moment.",
        "",
        f"<!-- {SECTION}: end -->",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    return run_sized(__doc__, SECTION, [1_000_000], measure, render)


if __name__ == "__main__":
    sys.exit(main())
