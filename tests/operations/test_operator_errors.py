"""A database or Elasticsearch out of reach: every command that gives up says so in one line, not a traceback.

The line names the URL, its password hidden, and the cause (pgBackRest's commands: what pgBackRest
said). Every command of `fuelstats` and
`fuelstats-master` is listed here, or set aside with the reason it never gives up (the servers
answer 503 and /readyz tells why; the followers wait outages out).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from fuelstats.cli import main as services_main
from fuelstats_kit.cli import main as kit_main
from tests.conftest import free_port

BIN = Path(sys.executable).parent
PASSWORD = "pass-word-9"
CLOSED = free_port()  # nothing listens there: connection refused
DATABASE = f"postgresql://fuelstats:{PASSWORD}@127.0.0.1:{CLOSED}/fuelstats"
SHOWN_DATABASE = f"postgresql://fuelstats:<sanitized>@127.0.0.1:{CLOSED}/fuelstats"
ELASTICSEARCH = f"http://elastic:{PASSWORD}@127.0.0.1:{CLOSED}"
SHOWN_ELASTICSEARCH = f"http://elastic:<sanitized>@127.0.0.1:{CLOSED}"

SERVICES = {
    ("db", "upgrade"): [],
    ("db", "downgrade"): ["base"],
    ("db", "current"): [],
    ("collector", "reapply-filters"): [],
    ("collector", "notify"): [],
    ("collector", "reset-key"): ["5c1bc6a9-6a4f-4ba1-9f4e-2c9a8a3e7d10", "--reason", "a lost key"],
    ("collector", "quarantine"): [],
    ("etl", "status"): [],
    ("etl", "reindex"): ["action_logs"],
    ("backup", "snapshot"): [],
}
# Elasticsearch is what these ask first.
SERVICES_ELASTICSEARCH_FIRST = {
    ("backup", "snapshots"): [],
    ("backup", "restore-snapshot"): [],
}
# pgBackRest is what these run (it reaches the clusters through its own configuration): its error in one line.
SERVICES_PGBACKREST = {
    ("backup", "run"): [],
    ("backup", "list"): [],
    ("backup", "verify"): [],
}
# The analytics' own database (accounts, docs/authentication.md) is what these ask for.
SERVICES_ACCOUNTS = {
    ("analytics", "db", "upgrade"): [],
    ("analytics", "db", "downgrade"): ["base"],
    ("analytics", "db", "current"): [],
    ("users", "add"): ["someone", "--password-stdin"],
    ("users", "list"): [],
    ("users", "disable"): ["someone"],
    ("users", "enable"): ["someone"],
    ("users", "reset-password"): ["someone", "--password-stdin"],
    ("users", "grant"): ["admin", "someone"],
    ("users", "tokens", "create"): ["someone", "--name", "a script"],
    ("users", "tokens", "list"): [],
    ("users", "tokens", "revoke"): ["5c1bc6a9-6a4f-4ba1-9f4e-2c9a8a3e7d10"],
}
KIT = {
    ("init",): [],
    ("db", "upgrade"): [],
    ("db", "downgrade"): ["base"],
    ("statistics",): ["show"],
    ("contact",): ["--email", "ops@example.org"],
    ("sender", "run"): ["--once"],
    ("sender", "preview"): [],
    ("key", "rotate"): [],
    ("sender", "report-failure"): ["9b3a9a4e-7d4c-4a57-8d5b-0d2d3c8e6f10"],
}
NEVER_GIVE_UP = {
    "fuelstats": {("collector", "serve"), ("analytics", "serve"),  # answer 503; /readyz names the dependency
                  ("etl", "run"),  # waits outages out; --once gives up after 5 tries: tests/etl/test_outages.py
                  ("worker", "run")},  # waits the queue's database out; /readyz says so (docs/jobs.md)
    "fuelstats-master": {("sender", "failures"),  # reads its spool folder; sends through `sender run`
                         ("key", "show")},  # reads the key file alone
}


def leaves(group: click.Group, prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for name, command in group.commands.items():
        path = (*prefix, name)
        found |= leaves(command, path) if isinstance(command, click.Group) else {path}
    return found


def test_every_command_is_tried_here():
    assert leaves(services_main) == (set(SERVICES) | set(SERVICES_ELASTICSEARCH_FIRST) | set(SERVICES_PGBACKREST)
                                     | set(SERVICES_ACCOUNTS) | NEVER_GIVE_UP["fuelstats"])
    assert leaves(kit_main) == set(KIT) | NEVER_GIVE_UP["fuelstats-master"]


def run(program: str, *args: str, stdin: str = "", **settings: str) -> subprocess.CompletedProcess[str]:
    clean = {name: value for name, value in os.environ.items() if not name.startswith("FUELSTATS_")}
    return subprocess.run([str(BIN / program), *args], env={**clean, **settings}, capture_output=True, text=True,
                          timeout=120, input=stdin)


def assert_one_line(result: subprocess.CompletedProcess[str], shown_url: str) -> str:
    lines = result.stderr.strip().splitlines()
    assert result.returncode != 0, result.stderr
    assert len(lines) == 1, result.stderr
    assert shown_url in lines[0] and "Connection refused" in lines[0], lines[0]
    assert PASSWORD not in result.stderr + result.stdout and "Traceback" not in result.stderr
    return lines[0]


@pytest.mark.parametrize("command", sorted(SERVICES), ids=" ".join)
def test_fuelstats_without_its_database(command):
    result = run("fuelstats", *command, *SERVICES[command], FUELSTATS_DATABASE_URL=DATABASE,
                 FUELSTATS_ELASTICSEARCH_URL=ELASTICSEARCH, FUELSTATS_WEBHOOK_URL="http://127.0.0.1:9/hook")
    line = assert_one_line(result, SHOWN_DATABASE)
    assert line.startswith(f"fuelstats: PostgreSQL at {SHOWN_DATABASE}: ")


@pytest.mark.parametrize("command", sorted(SERVICES_ACCOUNTS), ids=" ".join)
def test_fuelstats_without_the_analytics_database(command):
    result = run("fuelstats", *command, *SERVICES_ACCOUNTS[command], stdin="a password long enough\n",
                 FUELSTATS_ANALYTICS_DATABASE_URL=DATABASE)
    line = assert_one_line(result, SHOWN_DATABASE)
    assert line.startswith(f"fuelstats: PostgreSQL at {SHOWN_DATABASE}: ")


@pytest.mark.parametrize("command", sorted(SERVICES_ELASTICSEARCH_FIRST), ids=" ".join)
def test_fuelstats_without_elasticsearch(command):
    result = run("fuelstats", *command, *SERVICES_ELASTICSEARCH_FIRST[command], FUELSTATS_DATABASE_URL=DATABASE,
                 FUELSTATS_ELASTICSEARCH_URL=ELASTICSEARCH)
    line = assert_one_line(result, SHOWN_ELASTICSEARCH)
    assert line.startswith(f"fuelstats: Elasticsearch at {SHOWN_ELASTICSEARCH}: ")


@pytest.mark.parametrize("command", sorted(SERVICES_PGBACKREST), ids=" ".join)
def test_fuelstats_without_pgbackrest_s_configuration(command, tmp_path):
    result = run("fuelstats", *command, *SERVICES_PGBACKREST[command], FUELSTATS_DATABASE_URL=DATABASE,
                 FUELSTATS_PGBACKREST_CONFIG=str(tmp_path / "missing.conf"))
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    # pgBackRest names the file it could not open (or, where it is not installed, says how to install it).
    assert "missing.conf" in lines[0] or "apt-get install" in lines[0], lines[0]


@pytest.mark.parametrize("command", sorted(KIT), ids=" ".join)
def test_fuelstats_master_without_its_database(command, tmp_path):
    result = run("fuelstats-master", *command, *KIT[command], FUELSTATS_MASTER_DATABASE_URL=DATABASE,
                 FUELSTATS_FAILURE_SPOOL_DIR=str(tmp_path), FUELSTATS_FUEL_VERSION_FILE="/nonexistent",
                 FUELSTATS_MASTER_KEY_FILE=str(tmp_path / "master-key.pem"))
    line = assert_one_line(result, SHOWN_DATABASE)
    if command != ("sender", "run"):  # the sender's run line is its log line, which tells the same
        assert line.startswith(f"fuelstats-master: PostgreSQL at {SHOWN_DATABASE}: ")
