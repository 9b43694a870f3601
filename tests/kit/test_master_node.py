"""The master node database: its migrations, its identity, its statistics settings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import inspect, text

from fuelstats.core.database import engine_for
from fuelstats_kit import master_settings
from fuelstats_kit.cli import main, master_alembic_config
from fuelstats_kit.migrations import VERSION_TABLE
from fuelstats_kit.models import Base
from tests.kit.conftest import MASTER_TABLES
from tools.localpg import Cluster


@pytest.fixture
def scratch_url(postgres: Cluster) -> Iterator[str]:
    url = postgres.create_database("master_migrations")
    with engine_for(url).begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    yield url


def test_a_fresh_database_gets_the_tables_and_gives_them_back(scratch_url):
    engine = engine_for(scratch_url)
    command.upgrade(master_alembic_config(scratch_url), "head")
    assert set(inspect(engine).get_table_names()) == {*MASTER_TABLES, VERSION_TABLE}
    command.downgrade(master_alembic_config(scratch_url), "base")
    assert set(inspect(engine).get_table_names()) == {VERSION_TABLE}


def test_the_models_match_the_migrations(master_url):
    with engine_for(master_url).connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_the_uid_is_made_once_and_never_changes(master):
    first = master_settings.ensure_master_node(master)
    assert first.send_statistics and not first.send_contact
    master_settings.set_sending(master, False)
    again = master_settings.ensure_master_node(master)  # an upgrade runs it again
    assert again.uid == first.uid and not again.send_statistics


def test_settings_keep_nailguns_shape(master):
    master_settings.ensure_master_node(master)
    master_settings.set_contact(master, first_name="Ada", last_name="Lovelace", email="ada@example.com",
                                company="Analytical", send=True)
    with master.connect() as connection:
        settings = connection.execute(text("SELECT settings FROM master_node_settings")).scalar_one()
    statistics = settings["statistics"]
    assert statistics["send_anonymous_statistic"] == {"value": True}
    assert statistics["send_user_info"] == {"value": True} and statistics["user_choice_saved"] == {"value": True}
    assert statistics["email"] == {"value": "ada@example.com"}


def test_the_cli_inits_once_and_turns_sending_on_and_off(master, master_url, tmp_path):
    key_file = tmp_path / "keys" / "master-key.pem"
    env = {"FUELSTATS_MASTER_DATABASE_URL": master_url, "FUELSTATS_MASTER_KEY_FILE": str(key_file)}
    runner = CliRunner()
    first = runner.invoke(main, ["init"], env=env)
    second = runner.invoke(main, ["init"], env=env)
    uid = first.stdout.strip()
    assert first.exit_code == 0 and second.stdout.strip() == uid and len(uid) == 36
    # The signing key is made once, readable by its owner only (docs/security.md).
    made = [[line for line in result.stderr.splitlines() if line.startswith("signing key")] for result in (first, second)]
    assert made[0] == made[1] and len(made[0]) == 1 and str(key_file) in made[0][0]
    assert (key_file.stat().st_mode & 0o777, key_file.parent.stat().st_mode & 0o777) == (0o600, 0o700)
    off = runner.invoke(main, ["statistics", "off"], env=env)
    assert off.exit_code == 0 and off.stdout.strip() == f"master_node_uid {uid}: sending off, contact not sent"
    assert not master_settings.load_master_node(master).send_statistics
    on = runner.invoke(main, ["statistics", "on"], env=env)
    assert "sending on" in on.output


def test_statistics_show_tells_what_is_not_sent_yet(master, master_url):
    from tests.kit import masterdata

    masterdata.fill(master)  # 30 action logs (one a task still running) and 3 OSWL records, none sent
    master_settings.ensure_master_node(master)
    with master.begin() as connection:
        connection.execute(text("UPDATE action_logs SET is_sent = true WHERE id <= 10"))
    shown = CliRunner().invoke(main, ["statistics", "show"], env={"FUELSTATS_MASTER_DATABASE_URL": master_url})
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.splitlines()[1] == "not sent yet: 20 action logs, 3 OSWL records"


def test_the_sender_needs_its_database_url(monkeypatch):
    from fuelstats_common.settings import ConfigurationError, load_settings
    from fuelstats_kit.settings import KitSettings

    monkeypatch.delenv("FUELSTATS_MASTER_DATABASE_URL", raising=False)
    with pytest.raises(ConfigurationError, match="FUELSTATS_MASTER_DATABASE_URL is not set"):
        load_settings(KitSettings).require_master_database_url()
    monkeypatch.setenv("FUELSTATS_SEND_BATCH_SIZE", "0")
    with pytest.raises(ConfigurationError, match="FUELSTATS_SEND_BATCH_SIZE"):
        load_settings(KitSettings)


def test_nailguns_own_migration_history_is_left_alone(scratch_url):
    engine = engine_for(scratch_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);"
                                "INSERT INTO alembic_version VALUES ('nailgun_9_0')"))
    command.upgrade(master_alembic_config(scratch_url), "head")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "nailgun_9_0"
        assert connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar_one() == "0001"
