"""CSV exports and their all-in-one archive, streamed: memory stays the same whatever their size.

PostgreSQL writes the CSV itself: each export's query (storage.py) builds every row's line as
Python's csv module would write it from the row's values, formula triggers neutralized
(``neutralize_formula``), and `COPY ... TO STDOUT` streams the lines. A thread of its own reads
the COPY into a bounded queue, so a slow client holds PostgreSQL back rather than filling memory,
and a client that leaves ends the COPY. The archive is a ZIP written entry after entry into the
response as it goes.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import queue
import re
import threading
import zipfile
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import Connection, Engine

from fuelstats.analytics import storage
from fuelstats.analytics.storage import Range

CHUNK = 64 * 1024
_QUEUED_CHUNKS = 4  # what may wait for the client: at most about this many chunks of memory

# What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): =, +, -, @, tab, CR.
# storage._CELLS says the same in SQL for the lines PostgreSQL writes.
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


def csv_line(values: list[Any]) -> bytes:
    """One line as the csv module writes it (the header of every export)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow(values)
    return buffer.getvalue().encode()


class _Stopped(Exception):
    """The reader of the export went away: the COPY stops."""


# Told how many rows each chunk holds (a job's progress): COPY's text format has one line per row,
# whatever line breaks the values hold.
RowCounter = Callable[[int], None]


class _Lines(io.RawIOBase):
    """Where psycopg2's copy_expert writes COPY's text format: whole lines, unescaped, in chunks, into a queue."""

    def __init__(self, chunks: queue.Queue[Any], stopped: threading.Event, counted: RowCounter | None) -> None:
        self._chunks = chunks
        self._stopped = stopped
        self._counted = counted
        self._pending = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._pending += data
        if len(self._pending) >= CHUNK:
            self.flush_lines()
        return len(data)

    def flush_lines(self) -> None:
        end = self._pending.rfind(b"\n") + 1
        if end:
            if self._counted:
                self._counted(self._pending.count(b"\n", 0, end))
            self._put(_unescape(bytes(self._pending[:end])))
            del self._pending[:end]

    def _put(self, chunk: bytes) -> None:
        while True:
            if self._stopped.is_set():
                raise _Stopped
            try:
                self._chunks.put(chunk, timeout=0.5)
                return
            except queue.Full:
                continue


def _unescape(lines: bytes) -> bytes:
    """COPY's text format, one value per line, as the values themselves: a newline ends each line,
    and a backslash escapes a backslash or a control character (``\\r``, ``\\n``, ``\\t``, ...),
    which is what the bytes escapes of Python read alike."""
    return codecs.escape_decode(lines.replace(b"\n", b""))[0]


_END = object()


def copy_lines(connection: Connection, statement: Callable[[Any], str],
               counted: RowCounter | None = None) -> Iterator[bytes]:
    """The lines of a COPY ... TO STDOUT (made by ``statement`` for a DBAPI cursor), in chunks, on the
    connection's transaction; ``counted`` is told the rows of each chunk."""
    dbapi = connection.connection.dbapi_connection
    assert dbapi is not None
    chunks: queue.Queue[Any] = queue.Queue(maxsize=_QUEUED_CHUNKS)
    stopped = threading.Event()

    def run() -> None:
        lines = _Lines(chunks, stopped, counted)
        try:
            with dbapi.cursor() as cursor:
                cursor.copy_expert(statement(cursor), lines, size=CHUNK)
            lines.flush_lines()
            lines._put(_END)
        except _Stopped:
            pass
        except BaseException as error:  # handed to the reader, which raises it
            if not stopped.is_set():
                lines._put(error)

    copier = threading.Thread(target=run, name="export-copy", daemon=True)
    copier.start()
    try:
        while (chunk := chunks.get()) is not _END:
            if isinstance(chunk, BaseException):
                raise chunk
            yield chunk
    finally:
        if copier.is_alive():
            stopped.set()
            dbapi.cancel()  # PostgreSQL stops sending; copy_expert returns with an error, ignored
        copier.join()


def export_csv(engine: Engine, kind: str, selection: Range, counted: RowCounter | None = None) -> Iterator[bytes]:
    with engine.connect() as connection, connection.begin():
        yield csv_line(storage.EXPORTS[kind].header)
        yield from copy_lines(connection, lambda cursor: storage.export_copy(cursor, kind, selection), counted)


def export_oswl_csv(engine: Engine, resource_type: str, selection: Range,
                    counted: RowCounter | None = None) -> Iterator[bytes]:
    with engine.connect() as connection, connection.begin():
        yield csv_line(storage.OSWL_COLUMNS)
        yield from copy_lines(connection, lambda cursor: storage.oswl_copy(cursor, resource_type, selection), counted)


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


def export_archive(engine: Engine, selection: Range, counted: RowCounter | None = None) -> Iterator[bytes]:
    """Every export as one ZIP: one CSV per kind and per OSWL resource type, read in one snapshot."""
    sink = _Sink()
    with engine.connect().execution_options(isolation_level="REPEATABLE READ") as connection, connection.begin(), \
            zipfile.ZipFile(sink, mode="w", compression=zipfile.ZIP_DEFLATED) as archive:
        entries: list[tuple[str, list[str], Callable[[Any], str]]] = [
            (f"{kind}.csv", export.header,
             lambda cursor, kind=kind: storage.export_copy(cursor, kind, selection))  # type: ignore[misc]
            for kind, export in storage.EXPORTS.items()
        ]
        entries += [
            (oswl_entry_name(resource_type), storage.OSWL_COLUMNS,
             lambda cursor, resource_type=resource_type: storage.oswl_copy(  # type: ignore[misc]
                 cursor, resource_type, selection))
            for resource_type in storage.oswl_resource_types(connection)
        ]
        # Each entry dated when it was written (zipfile would date it 1980-01-01), in UTC.
        for name, header, statement in entries:
            info = zipfile.ZipInfo(name, date_time=dt.datetime.now(dt.UTC).timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, mode="w", force_zip64=True) as entry:
                entry.write(csv_line(header))
                for chunk in copy_lines(connection, statement, counted):
                    entry.write(chunk)
                    yield sink.take()
    yield sink.take()
