from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fuelstats import resources
from fuelstats.collector.filtering import FilteringRules, load_rules
from fuelstats_common.settings import ConfigurationError

DAY = dt.date(2026, 1, 1)


def structure(release: str | None = "8.0", build_id: str | None = "b1", packages: list[str] | None = None) -> dict:
    fuel_release = {"release": release, "build_id": build_id} if release is not None else {}
    return {"fuel_release": fuel_release, **({"fuel_packages": packages} if packages is not None else {})}


def rules(**raw) -> FilteringRules:  # type: ignore[no-untyped-def]
    return FilteringRules.model_validate(raw)


def test_all_none_and_other_releases():
    r = rules(releases={"7.0": {"accept": "all"}, "8.0": {"accept": "none"}}, other_releases="none")
    assert r.is_filtered(structure("7.0"), DAY) is False
    assert r.is_filtered(structure("8.0"), DAY) is True
    assert r.is_filtered(structure("9.0"), DAY) is True
    assert r.is_filtered(structure(None), DAY) is True
    assert rules().is_filtered(structure("9.0"), DAY) is False


def test_listed_build_ids_and_package_lists():
    r = rules(releases={"8.0": {"accept": [{"build_id": "b1"}, {"packages": ["p1", "p2"]}]}})
    assert r.is_filtered(structure(build_id="b1"), DAY) is False
    assert r.is_filtered(structure(build_id="b2"), DAY) is True
    assert r.is_filtered(structure(build_id="b2", packages=["p2", "p1"]), DAY) is False
    assert r.is_filtered(structure(build_id="b2", packages=["p1"]), DAY) is True


def test_since_a_date():
    r = rules(releases={"8.0": {"accept": [{"build_id": "b1", "since": "2026-01-01"}]}})
    assert r.is_filtered(structure(), dt.date(2025, 12, 31)) is True
    assert r.is_filtered(structure(), DAY) is False


def test_the_shipped_rules_file_loads():
    assert load_rules(resources.filtering_rules()).other_releases == "all"


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("releases: {'8.0': {accept: some}}", "releases.8.0.accept"),
        ("releases: {'8.0': {accept: [{since: 2026-01-01}]}}", "exactly one of build_id and packages"),
        ("other_release: all", "other_release"),
        ("releases: [", "not YAML"),
    ],
)
def test_a_broken_rules_file_is_one_clear_line(tmp_path: Path, text: str, complaint: str):
    path = tmp_path / "rules.yaml"
    path.write_text(text)
    with pytest.raises(ConfigurationError) as error:
        load_rules(path)
    assert complaint in str(error.value)
    assert "\n" not in str(error.value)


def test_a_missing_rules_file(tmp_path: Path):
    with pytest.raises(ConfigurationError, match="No such file"):
        load_rules(tmp_path / "absent.yaml")
