"""The exports PostgreSQL writes (COPY) are, byte for byte, what Python's csv module writes from the rows.

The reference is the exporter as it was before COPY: every row read into Python, each text cell
through ``neutralize_formula``, dates and times through ``isoformat()``, and written by
``csv.writer``. The data is hostile: formula triggers, quotes, commas, line breaks, backslashes,
COPY's own markers (``\\N``, ``\\.``), control characters and characters beyond ASCII, in every
text column of every export.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import threading
import zipfile
from collections.abc import Iterable
from typing import Any

import pytest
from sqlalchemy import text

from fuelstats.analytics import exports, storage
from fuelstats.analytics.storage import Range
from fuelstats.collector import ingest
from fuelstats.collector.filtering import FilteringRules
from tests.collector.payloads import http_request_log, installation_structure, nailgun_task_log, oswl_record

PIECES = ["=", "+", "-", "@", "\t", "\r", "\n", "\r\n", ",", '"', "'", "\\", "\\N", "\\.", " ", "a", "1", "é", "😀",
          "\x01", "\x7f", "\u2028", "=HYPERLINK(\"http://x\")", ""]


def hostile(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 6)))


def reference_csv(header: list[str], rows: Iterable[tuple[Any, ...]]) -> bytes:
    """The exporter before COPY."""
    def cell(value: Any) -> Any:
        if isinstance(value, str):
            return exports.neutralize_formula(value)
        if isinstance(value, (dt.datetime, dt.date, dt.time)):
            return value.isoformat()
        return value

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return buffer.getvalue().encode()


@pytest.fixture
def hostile_data(engine):  # type: ignore[no-untyped-def]
    rng = random.Random(13)
    logs = []
    for n in range(120):
        text = {"actor_id": hostile(rng), "action_group": hostile(rng), "action_name": hostile(rng),
                "start_timestamp": hostile(rng), "end_timestamp": hostile(rng) or None,
                "cluster_id": rng.choice([None, n, -n, 1.5])}
        log = (http_request_log(n, **text) if n % 2 else nailgun_task_log(n, **text))
        log["body"]["additional_info"] = {"ended_with_status": hostile(rng)} if n % 3 else {
            "response_data": {"status": hostile(rng)}}
        logs.append(log)
    logs.append(http_request_log(500, actor_id=None, action_group=None))
    ingest.record_action_logs(engine, None, logs)
    for n in range(30):
        structure = installation_structure(f"master-{n}-{hostile(rng)}", release=hostile(rng) or "9.0")
        cluster = structure["clusters"][0]
        cluster.update(status=hostile(rng), mode=hostile(rng), nodes_num=rng.choice([2, -1, "x"]),
                       net_provider=hostile(rng))
        cluster["release"].update(os=hostile(rng), version=hostile(rng))
        cluster["attributes"]["libvirt_type"] = {"value": hostile(rng)}
        cluster["network_configuration"]["segmentation_type"] = hostile(rng)
        cluster["installed_plugins"] = [{"name": hostile(rng), "version": hostile(rng), "package_version": hostile(rng)}]
        for node in cluster["nodes"]:
            node.update(roles=[hostile(rng), hostile(rng)], pending_roles=[hostile(rng)], status=hostile(rng),
                        os=hostile(rng), manufacturer=hostile(rng), platform_name=rng.choice([None, hostile(rng)]))
        ingest.record_installation_structure(engine, None, structure, FilteringRules())
    records = []
    for n in range(40):
        record = oswl_record(n, resource_type=rng.choice(["vm", "volume"]), checksum=hostile(rng),
                             updated_time=rng.choice(["14:43:48.123456", "00:00:00", "23:59:59.5"]))
        record["resource_data"]["current"] = [{"id": hostile(rng), "name": hostile(rng)}, hostile(rng), -n]
        records.append(record)
    ingest.record_oswl_stats(engine, None, records)
    return engine


SELECTIONS = [Range(include_filtered=True), Range(since=dt.date(2000, 1, 1), until=dt.date(2999, 1, 1))]


@pytest.mark.parametrize("selection", SELECTIONS)
@pytest.mark.parametrize("kind", sorted(storage.EXPORTS))
def test_each_export_is_what_the_csv_module_writes(hostile_data, kind: str, selection: Range):
    with hostile_data.connect() as connection:
        expected = reference_csv(storage.EXPORTS[kind].header, storage.export_rows(connection, kind, selection))
    assert expected.count(b"\n") > 20
    assert b"".join(exports.export_csv(hostile_data, kind, selection)) == expected


@pytest.mark.parametrize("resource_type", ["vm", "volume", "none-such"])
def test_each_oswl_export_is_what_the_csv_module_writes(hostile_data, resource_type: str):
    selection = Range(include_filtered=True)
    with hostile_data.connect() as connection:
        expected = reference_csv(storage.OSWL_COLUMNS, storage.oswl_rows(connection, resource_type, selection))
    assert b"".join(exports.export_oswl_csv(hostile_data, resource_type, selection)) == expected


def test_the_archive_holds_the_same_files(hostile_data):
    selection = Range(include_filtered=True)
    archive = zipfile.ZipFile(io.BytesIO(b"".join(exports.export_archive(hostile_data, selection))))
    with hostile_data.connect() as connection:
        for kind, export in storage.EXPORTS.items():
            assert archive.read(f"{kind}.csv") == reference_csv(export.header,
                                                                storage.export_rows(connection, kind, selection))
        for resource_type in ("vm", "volume"):
            assert archive.read(f"oswl_{resource_type}.csv") == reference_csv(
                storage.OSWL_COLUMNS, storage.oswl_rows(connection, resource_type, selection))


def test_a_reader_that_leaves_ends_the_copy(hostile_data, monkeypatch):
    monkeypatch.setattr(exports, "CHUNK", 256)  # many chunks of a few lines
    chunks = exports.export_csv(hostile_data, "action_logs", Range(include_filtered=True))
    assert next(chunks).startswith(b"master_node_uid,")
    assert next(chunks).count(b"\r\n") >= 1
    chunks.close()  # the client went away: the COPY stops, its thread ends
    assert not [thread for thread in threading.enumerate() if thread.name == "export-copy"]
    with hostile_data.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY (%'"
                                       " AND state = 'active' AND pid <> pg_backend_pid()")).scalar_one() == 0
    whole = b"".join(exports.export_csv(hostile_data, "action_logs", Range(include_filtered=True)))
    with hostile_data.connect() as connection:
        assert whole == reference_csv(storage.EXPORTS["action_logs"].header,
                                      storage.export_rows(connection, "action_logs", Range(include_filtered=True)))


def test_the_data_is_hostile_indeed(hostile_data):
    whole = b"".join(exports.export_csv(hostile_data, "action_logs", Range(include_filtered=True)))
    for needle in (b"'=", b"'+", b"'-", b"'@", b"'\t", b'""', b"\\N", b"\\.", "é".encode(), b"\x01"):
        assert needle in whole, needle
    assert whole.count(b"\r\n") > whole.count(b"\n") - whole.count(b"\r\n") > 0  # line breaks inside cells too
