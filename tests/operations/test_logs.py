"""Logs read as console lines on a terminal and as JSON lines anywhere else; FUELSTATS_LOG_FORMAT forces either."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

FUELSTATS = str(Path(sys.executable).with_name("fuelstats"))


def logged(database_url: str, *, terminal: bool, log_format: str | None = None) -> list[str]:
    """The lines `fuelstats db upgrade` writes to stderr: a terminal's (a pseudo-terminal) or a pipe's."""
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("FUELSTATS_")},
           "FUELSTATS_DATABASE_URL": database_url, **({"FUELSTATS_LOG_FORMAT": log_format} if log_format else {})}
    if not terminal:
        result = subprocess.run([FUELSTATS, "db", "upgrade"], env=env, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        return result.stderr.splitlines()
    reading, writing = os.openpty()
    try:
        result = subprocess.run([FUELSTATS, "db", "upgrade"], env=env, stdout=subprocess.DEVNULL, stderr=writing,
                                timeout=60)
        os.close(writing)
        output = b""
        while True:
            try:
                chunk = os.read(reading, 65536)
            except OSError:  # the terminal's other end is closed: all is read
                break
            if not chunk:
                break
            output += chunk
    finally:
        os.close(reading)
    assert result.returncode == 0, output
    return output.decode().splitlines()


def is_json(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def the_line(lines: list[str]) -> str:
    found = [line for line in lines if "partitions ready" in line]
    assert len(found) == 1, lines
    return found[0]


@pytest.mark.parametrize(("terminal", "log_format", "as_json"), [
    (False, None, True),
    (True, None, False),
    (True, "json", True),
    (False, "console", False),
], ids=["pipe", "terminal", "terminal forced to json", "pipe forced to console"])
def test_how_a_line_reads(database_url, terminal, log_format, as_json):
    line = the_line(logged(database_url, terminal=terminal, log_format=log_format))
    assert is_json(line) == as_json, line
    if not as_json:  # a person's line: the level and the event in words, the fields as key=value
        colourless = re.sub(r"\x1b\[[0-9;]*m", "", line)
        assert re.search(r"\[info +\] partitions ready +partitions=\['action_logs_", colourless), colourless
        assert ("\x1b[" in line) == terminal  # colours for a terminal only
