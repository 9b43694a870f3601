"""`fuelstats-master sender preview` and the settings API's `GET /api/settings/preview`: exactly what
the next run sends, read through the sender's own code, with nothing sent."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from click.testing import CliRunner

from fuelstats_common.settings import settings_of
from fuelstats_kit import master_settings
from fuelstats_kit.failure_reports import Spool
from fuelstats_kit.preview import Sources, next_run
from fuelstats_kit.settings_api import create_app
from tests.kit import masterdata
from tests.kit.helpers import sender, stored
from tests.kit.misbehaving import Misbehaving


def requests_of(preview: dict) -> list[tuple[str, dict]]:  # type: ignore[type-arg]
    """The POSTs a run makes for what the preview shows, in order."""
    return ([("/api/v1/action_logs/", {"action_logs": batch}) for batch in preview["action_logs"]["batches"]]
            + [("/api/v1/installation_structure/", {"installation_structure": preview["installation_structure"]})]
            + [("/api/v1/oswl_stats/", {"oswl_stats": batch}) for batch in preview["oswl_stats"]["batches"]])


def test_the_preview_is_what_the_next_run_sends_on_the_wire(master, engine, collector_server):
    masterdata.fill(master)
    master_settings.ensure_master_node(master)
    master_settings.set_contact(master, first_name="Ada", last_name="Lovelace", email="ada@example.com",
                                company="Analytical", send=True)
    with Misbehaving(collector_server, "forward") as proxy:
        run = sender(master, proxy.url)
        preview = next_run(run.engine, run.provider, run.config)
        assert stored(engine)["action_logs"] == 0 and proxy.received == [], "the preview sent nothing"
        assert run.run_once().outcome == "done"
    sent = [(urlsplit(path).path, json.loads(body)) for path, body in proxy.received]
    assert sent == requests_of(preview)
    assert (preview["sends"], preview["action_logs"]["count"], preview["oswl_stats"]["count"]) == (True, 30, 3)
    assert [len(batch) for batch in preview["action_logs"]["batches"]] == [10, 10, 10]
    assert preview["installation_structure"]["user_information"]["email"] == "ada@example.com"
    assert preview["description"].startswith(f"Fuel sends anonymous usage statistics to {proxy.url}")

    # Acknowledged records are not sent again; the task still running is, until it ends.
    again = next_run(run.engine, run.provider, run.config, limit=0)
    assert (again["action_logs"], again["oswl_stats"]) == ({"count": 1, "batches": []}, {"count": 0, "batches": []})


def test_the_preview_says_when_nothing_is_sent_and_what_would_be(master, tmp_path):
    masterdata.fill(master)
    run = sender(master, "http://127.0.0.1:9")  # nothing listens there: the preview never calls it
    assert next_run(run.engine, run.provider, run.config)["reason"] == "no-master-node"
    master_settings.ensure_master_node(master)
    master_settings.set_sending(master, False)
    spool = Spool(tmp_path / "spool")
    spool.put({"report_id": "4b0a4d1e-0000-4000-8000-000000000001", "task": {"name": "deployment"}})
    preview = next_run(run.engine, run.provider, run.config, spool=spool, limit=3)
    assert (preview["sends"], preview["reason"]) == (False, "disabled")
    assert preview["installation_structure"]["user_information"] == {"contact_info_provided": False}
    assert [len(batch) for batch in preview["action_logs"]["batches"]] == [3] and preview["action_logs"]["count"] == 30
    assert preview["failure_reports"] == [{"report_id": "4b0a4d1e-0000-4000-8000-000000000001",
                                           "task": {"name": "deployment"}}]


def test_the_command_prints_the_preview_as_json(master, kit_env):
    from fuelstats_kit.cli import main

    masterdata.fill(master)
    master_settings.ensure_master_node(master)
    result = CliRunner().invoke(main, ["sender", "preview", "--limit", "2"],
                                env={**kit_env, "FUELSTATS_FAILURE_SPOOL_DIR": "/nonexistent"})
    assert result.exit_code == 0, result.output
    preview = json.loads(result.output)
    assert preview["action_logs"]["count"] == 30 and sum(map(len, preview["action_logs"]["batches"])) == 2
    assert preview["collector_url"] == kit_env["FUELSTATS_COLLECTOR_URL"] and preview["batch_size"] == 10


def test_the_settings_api_answers_the_preview_the_next_run_sends(master, engine, collector_server, tmp_path):
    masterdata.fill(master)
    master_settings.ensure_master_node(master)
    spool = Spool(tmp_path / "spool")
    spool.put({"report_id": "4b0a4d1e-0000-4000-8000-000000000002", "task": {"name": "deployment"}})
    with Misbehaving(collector_server, "forward") as proxy:
        run = sender(master, proxy.url)
        sources = Sources(run.provider, run.config, spool)
        with create_app(master, sources).test_client() as client:
            shown = client.get("/api/settings/preview", params={"limit": 4})
            answered = client.get("/api/settings/preview")
            refused = client.get("/api/settings/preview", params={"limit": -1})
        expected = next_run(master, run.provider, run.config, spool=spool, limit=4)
        assert proxy.received == [], "the preview sent nothing"
        assert run.run_once().outcome == "done"
    assert shown.status_code == 200, shown.text
    assert shown.json() == expected
    assert [len(batch) for batch in shown.json()["action_logs"]["batches"]] == [4]
    assert answered.status_code == 200, answered.text
    sent = [(urlsplit(path).path, json.loads(body)) for path, body in proxy.received]
    assert sent == requests_of(answered.json()), "the API's preview is what the run then sent"
    assert answered.json()["failure_reports"] == [{"report_id": "4b0a4d1e-0000-4000-8000-000000000002",
                                                   "task": {"name": "deployment"}}]
    assert refused.status_code == 400 and refused.json()["status"] == "error"


def test_the_settings_apis_preview_is_the_sender_daemons_by_default(master, kit_env, monkeypatch):
    for name, value in kit_env.items():
        if name.startswith("FUELSTATS_"):
            monkeypatch.setenv(name, value)
    settings_of.cache_clear()
    try:
        with create_app(master).test_client() as client:
            before_init = client.get("/api/settings/preview").json()
            master_settings.ensure_master_node(master)
            master_settings.set_sending(master, False)
            preview = client.get("/api/settings/preview").json()
    finally:
        settings_of.cache_clear()
    assert (before_init["sends"], before_init["reason"], before_init["master_node_uid"]) == (
        False, "no-master-node", None)
    assert (preview["sends"], preview["reason"]) == (False, "disabled")
    assert preview["collector_url"] == kit_env["FUELSTATS_COLLECTOR_URL"] and preview["batch_size"] == 10
