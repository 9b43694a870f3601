from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine, text

from fuelstats.collector import filtering, ingest
from tests.collector.payloads import MASTER, installation_structure

URL = "/api/v1/installation_structure/"


def row(engine: Engine, master: str = MASTER) -> dict:
    with engine.connect() as connection:
        result = connection.execute(
            text("SELECT structure, release, is_filtered, creation_date, modification_date"
                 " FROM installation_structures WHERE master_node_uid = :uid"),
            {"uid": master},
        ).mappings().one()
        return dict(result)


def test_first_report_creates_later_ones_replace(client, engine):
    first = client.post(URL, json={"installation_structure": installation_structure(clusters_num=1)})
    assert (first.status_code, first.json()) == (201, {"status": "ok"})
    created = row(engine)

    updated_structure = installation_structure(release="9.1", clusters_num=2)
    second = client.post(URL, json={"installation_structure": updated_structure}, headers={"master-node-uid": MASTER})
    assert (second.status_code, second.json()) == (200, {"status": "ok"})

    current = row(engine)
    assert current["structure"]["clusters_num"] == 2
    assert current["release"] == "9.1"
    assert current["creation_date"] == created["creation_date"]
    assert current["modification_date"] > created["modification_date"]
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM installation_structures")).scalar_one() == 1


def test_each_master_node_has_its_own_structure(client, engine):
    assert client.post(URL, json={"installation_structure": installation_structure("a")}).status_code == 201
    assert client.post(URL, json={"installation_structure": installation_structure("b")}).status_code == 201


def test_passwords_in_settings_are_sanitized(client, engine):
    structure = installation_structure()
    structure["clusters"][0]["attributes"]["storage"] = {"ceph_secret": "s3cr3t", "Ceph_Cert": "-----BEGIN"}
    client.post(URL, json={"installation_structure": structure})
    stored = row(engine)["structure"]
    attributes = stored["clusters"][0]["attributes"]
    assert attributes["access"]["password"] == "<sanitized>"
    assert attributes["storage"] == {"ceph_secret": "<sanitized>", "Ceph_Cert": "<sanitized>"}
    assert attributes["libvirt_type"] == "kvm"


def test_a_contradicting_header_stores_nothing(client, engine):
    response = client.post(URL, json={"installation_structure": installation_structure()},
                           headers={"master-node-uid": "someone-else"})
    assert response.status_code == 403
    assert response.json()["rule"] == "master-node-uid"
    assert response.json()["path"] == "$.installation_structure.master_node_uid"
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM installation_structures")).scalar_one() == 0


RULES = filtering.FilteringRules.model_validate(
    {
        "releases": {
            "9.0": {"accept": [{"build_id": "2016-06-01_00-00-01", "since": "2016-06-01"}]},
            "10.0-dev": {"accept": "none"},
        },
        "other_releases": "all",
    }
)


def test_development_builds_are_stored_as_filtered(engine):
    ingest.record_installation_structure(engine, None, installation_structure("ga"), RULES)
    ingest.record_installation_structure(engine, None, installation_structure("dev", build_id="nightly-42"), RULES)
    ingest.record_installation_structure(engine, None, installation_structure("next", release="10.0-dev"), RULES)
    ingest.record_installation_structure(engine, None, installation_structure("old", release="6.1"), RULES)
    assert [row(engine, uid)["is_filtered"] for uid in ("ga", "dev", "next", "old")] == [False, True, True, False]
    assert row(engine, "next")["release"] == "10.0-dev"


def test_a_rule_change_is_reapplied_to_stored_rows(engine, tmp_path: Path):
    ingest.record_installation_structure(engine, None, installation_structure("ga"), RULES)
    ingest.record_installation_structure(engine, None, installation_structure("dev", build_id="nightly-42"), RULES)

    rules_file = tmp_path / "rules.yaml"
    rules_file.write_text('releases:\n  "9.0":\n    accept: none\n')
    changed = ingest.reapply_filtering(engine, filtering.load_rules(rules_file))

    assert changed == 1
    assert [row(engine, uid)["is_filtered"] for uid in ("ga", "dev")] == [True, True]


def test_reapply_filters_command(engine, database_url, tmp_path: Path):
    from click.testing import CliRunner

    from fuelstats.cli import main
    from fuelstats_common.settings import settings_of

    ingest.record_installation_structure(engine, None, installation_structure("ga"), RULES)
    rules_file = tmp_path / "rules.yaml"
    rules_file.write_text("other_releases: none\n")
    settings_of.cache_clear()
    try:
        result = CliRunner().invoke(
            main, ["collector", "reapply-filters"],
            env={"FUELSTATS_DATABASE_URL": database_url, "FUELSTATS_FILTERING_RULES": str(rules_file)},
        )
    finally:
        settings_of.cache_clear()
    assert result.exit_code == 0, result.output
    assert "1 installation structures changed" in result.output
    assert row(engine, "ga")["is_filtered"] is True


def test_since_counts_from_the_first_report(engine):
    early = dt.date(2016, 5, 20)
    late = dt.date(2016, 6, 2)
    structure = installation_structure()
    assert RULES.is_filtered(structure, early) is True
    assert RULES.is_filtered(structure, late) is False
