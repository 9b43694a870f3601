"""`fuelstats users ...` and `fuelstats analytics db ...`: the accounts from the command line, and the
analytics' own database, whose migrations and models agree."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from click.testing import CliRunner, Result
from sqlalchemy import inspect, text

from fuelstats.analytics import accounts
from fuelstats.analytics.models import VERSION_TABLE, Base, described_here
from fuelstats.cli import main
from fuelstats.cli.analytics import alembic_config
from fuelstats.core.database import engine_for
from fuelstats_common.settings import settings_of
from tests.analytics.auth import PASSWORD
from tools.localpg import Cluster

TABLES = {"users", "sessions", "api_tokens", "login_throttle", "audit_events", "jobs"}
# procrastinate's, applied by our migrations (docs/jobs.md)
QUEUE_TABLES = {"procrastinate_jobs", "procrastinate_workers", "procrastinate_events", "procrastinate_periodic_defers"}


def fuelstats(*arguments: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, list(arguments), input=stdin)


@pytest.fixture
def scratch_url(postgres: Cluster) -> Iterator[str]:
    """A database of its own, not migrated: these tests move its schema up and down."""
    url = postgres.create_database("analytics-migrations")
    with engine_for(url).begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    yield url


def test_the_models_match_the_migrations(scratch_url):
    command.upgrade(alembic_config(scratch_url), "head")
    with engine_for(scratch_url).connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE,
                                                                         "include_name": described_here}),
                                Base.metadata) == []


def test_up_and_down_with_a_version_table_of_its_own(scratch_url):
    engine = engine_for(scratch_url)
    command.upgrade(alembic_config(scratch_url), "head")
    assert set(inspect(engine).get_table_names()) == TABLES | QUEUE_TABLES | {VERSION_TABLE}
    command.downgrade(alembic_config(scratch_url), "base")
    assert set(inspect(engine).get_table_names()) == {VERSION_TABLE}
    with engine.connect() as connection:  # procrastinate's functions and types went with its tables
        assert connection.execute(text("SELECT count(*) FROM pg_proc WHERE proname LIKE 'procrastinate%'"
                                       " UNION ALL SELECT count(*) FROM pg_type WHERE typname LIKE 'procrastinate%'"
                                       )).scalars().all() == [0, 0]
    command.upgrade(alembic_config(scratch_url), "head")  # and it comes back whole
    assert QUEUE_TABLES <= set(inspect(engine).get_table_names())


def test_the_command_migrates_the_database_it_is_given(scratch_url, monkeypatch):
    monkeypatch.setenv("FUELSTATS_ANALYTICS_DATABASE_URL", scratch_url)
    assert fuelstats("analytics", "db", "upgrade").exit_code == 0
    assert fuelstats("analytics", "db", "upgrade").exit_code == 0  # again: nothing to do
    assert TABLES <= set(inspect(engine_for(scratch_url)).get_table_names())
    monkeypatch.delenv("FUELSTATS_ANALYTICS_DATABASE_URL")
    settings_of.cache_clear()
    unset = fuelstats("analytics", "db", "upgrade")
    assert unset.exit_code != 0 and "FUELSTATS_ANALYTICS_DATABASE_URL is not set" in str(unset.exception)


def test_users_from_the_command_line(analytics_database_url):
    engine = engine_for(analytics_database_url)
    name = "Cli-User@Example.org"
    added = fuelstats("users", "add", name, "--role", "viewer", "--password-stdin", stdin=PASSWORD + "\n")
    assert added.exit_code == 0, added.output
    assert added.stdout == "cli-user@example.org: viewer, can log in at /login\n"
    user = accounts.find_user(engine, name)
    assert user is not None and (user.name, user.role, user.disabled) == ("cli-user@example.org", "viewer", False)

    again = fuelstats("users", "add", name, "--password-stdin", stdin=PASSWORD + "\n")
    assert again.exit_code == 1 and "there is a user 'cli-user@example.org' already" in again.output
    short = fuelstats("users", "add", "someone-else", "--password-stdin", stdin="short\n")
    assert short.exit_code == 1 and "a password has 12 to 1024 characters" in short.output
    prompted = fuelstats("users", "add", "prompted-user", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert prompted.exit_code == 0 and PASSWORD not in prompted.output  # typed without echo

    assert fuelstats("users", "grant", "admin", name).exit_code == 0
    assert fuelstats("users", "disable", name).exit_code == 0
    listed = fuelstats("users", "list").stdout
    [line] = [line for line in listed.splitlines() if line.startswith("cli-user@example.org ")]
    assert line.split()[1:3] == ["admin", "disabled"]
    assert fuelstats("users", "enable", name).exit_code == 0
    reset = fuelstats("users", "reset-password", name, "--password-stdin", stdin="another long passphrase\n")
    assert reset.exit_code == 0
    policy = accounts.LoginPolicy(3600, 3600, 5, 20, 900)
    assert accounts.login(engine, policy, name, "another long passphrase", None).principal.role == "admin"
    assert fuelstats("users", "disable", "nobody-at-all").stderr == "Error: there is no user 'nobody-at-all'\n"

    with engine.connect() as connection:
        trail = connection.execute(text("SELECT event, actor FROM audit_events WHERE details->>'user' = :user"
                                        " ORDER BY id"), {"user": "cli-user@example.org"}).all()
    assert [event for event, _ in trail] == ["user-added", "role-granted", "user-disabled", "user-enabled",
                                             "password-reset"]
    assert {actor for _, actor in trail} == {"cli:" + __import__("getpass").getuser()}


def test_tokens_from_the_command_line(analytics_database_url):
    engine = engine_for(analytics_database_url)
    assert fuelstats("users", "add", "token-owner", "--password-stdin", stdin=PASSWORD + "\n").exit_code == 0
    made = fuelstats("users", "tokens", "create", "token-owner", "--name", "cron", "--days", "7")
    assert made.exit_code == 0, made.output
    secret = made.stdout.strip().splitlines()[-1]  # the token alone on its line, for `$(...)`
    principal = accounts.token_principal(engine, secret, None)
    assert principal is not None and (principal.name, principal.role) == ("token-owner", "viewer")
    refused = fuelstats("users", "tokens", "create", "token-owner", "--name", "more", "--role", "admin")
    assert refused.exit_code == 1 and "a token cannot have more rights than its user (viewer)" in refused.output

    listed = fuelstats("users", "tokens", "list", "token-owner").stdout
    assert principal.token_id in listed and "cron" in listed and secret not in listed
    assert fuelstats("users", "tokens", "revoke", principal.token_id).exit_code == 0
    assert accounts.token_principal(engine, secret, None) is None
    assert fuelstats("users", "tokens", "revoke", "not-an-id").exit_code == 1
