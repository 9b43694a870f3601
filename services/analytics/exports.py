"""CSV exports and their all-in-one archive, streamed: memory stays the same whatever their size.

Rows come from PostgreSQL through server-side cursors (storage.py) and leave as CSV text in chunks;
the archive is a ZIP written entry after entry into the response as it goes.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Engine

from fuelstats.analytics import storage
from fuelstats.analytics.storage import Range

CHUNK = 64 * 1024

# What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): =, +, -, @, tab, CR.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralize_formula(text: str) -> str:
    """A text cell as it may go into a CSV file that someone opens in a spreadsheet.

    Text starting with a character that makes a spreadsheet evaluate the cell (FORMULA_TRIGGERS)
    gets a leading apostrophe, which spreadsheets show as text and never evaluate; any other text
    is returned as it is. Quoting (commas, quotes, line breaks) is the CSV writer's job, not this.
    So ``=HYPERLINK("http://x")`` is written ``'=HYPERLINK("http://x")``, and ``-1`` as text
    ``'-1``; numbers that are not text (ints, floats) never pass through here.
    """
    return f"'{text}" if text.startswith(FORMULA_TRIGGERS) else text


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return neutralize_formula(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return value


def csv_chunks(header: list[str], rows: Iterable[tuple[Any, ...]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
        if buffer.tell() >= CHUNK:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def export_csv(engine: Engine, kind: str, selection: Range) -> Iterator[str]:
    header, _ = storage.EXPORTS[kind]
    with engine.connect() as connection, connection.begin():
        yield from csv_chunks(header, storage.export_rows(connection, kind, selection))


def export_oswl_csv(engine: Engine, resource_type: str, selection: Range) -> Iterator[str]:
    with engine.connect() as connection, connection.begin():
        yield from csv_chunks(storage.OSWL_COLUMNS, storage.oswl_rows(connection, resource_type, selection))


class _Sink(io.RawIOBase):
    """Where zipfile writes; the bytes are taken out as soon as they are there."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []
        self._position = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._chunks.append(bytes(data))
        self._position += len(data)
        return len(data)

    def tell(self) -> int:
        return self._position

    def take(self) -> bytes:
        data, self._chunks = b"".join(self._chunks), []
        return data


# The resource types whose export is named after them: those the single export takes
# (openapi/analytics.yaml, /private/exports/oswl/{resource_type}/), which every Fuel release's are.
NAMED_RESOURCE_TYPE = re.compile(r"[a-z_]{1,64}")


def oswl_entry_name(resource_type: str) -> str:
    """The archive entry of an OSWL resource type: never a path, whatever a master node sent.

    ``oswl_vm.csv`` for a type of the single export's pattern; any other type (``../../x``, a
    thousand characters, ``VM``) gets ``oswl_type-`` and the first 16 hex digits of its SHA-256.
    """
    if NAMED_RESOURCE_TYPE.fullmatch(resource_type):
        return f"oswl_{resource_type}.csv"
    return f"oswl_type-{hashlib.sha256(resource_type.encode()).hexdigest()[:16]}.csv"


def export_archive(engine: Engine, selection: Range) -> Iterator[bytes]:
    """Every export as one ZIP: one CSV per kind and per OSWL resource type, read in one snapshot."""
    sink = _Sink()
    with engine.connect().execution_options(isolation_level="REPEATABLE READ") as connection, connection.begin(), \
            zipfile.ZipFile(sink, mode="w", compression=zipfile.ZIP_DEFLATED) as archive:
        entries: list[tuple[str, list[str], Iterable[tuple[Any, ...]]]] = [
            (f"{kind}.csv", header, storage.export_rows(connection, kind, selection))
            for kind, (header, _) in storage.EXPORTS.items()
        ]
        entries += [
            (oswl_entry_name(resource_type), storage.OSWL_COLUMNS,
             storage.oswl_rows(connection, resource_type, selection))
            for resource_type in storage.oswl_resource_types(connection)
        ]
        # Each entry dated when it was written (zipfile would date it 1980-01-01), in UTC.
        for name, header, rows in entries:
            info = zipfile.ZipInfo(name, date_time=dt.datetime.now(dt.UTC).timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, mode="w", force_zip64=True) as entry:
                for chunk in csv_chunks(header, rows):
                    entry.write(chunk.encode())
                    yield sink.take()
    yield sink.take()
