"""The settings API (openapi/kit.yaml), validated by Connexion: refusals in the error shape, nothing changed."""

from __future__ import annotations

from fuelstats import resources
from fuelstats.core.openapi import load_spec
from fuelstats_kit import master_settings
from fuelstats_kit.settings_api import create_app

URL = "/api/settings"


def statistics(master) -> dict:  # type: ignore[no-untyped-def]
    node = master_settings.load_master_node(master)
    return {"sending": node.send_statistics, "contact": node.contact}


def test_before_init_there_is_nothing_to_read_or_change(master):
    with create_app(master).test_client() as client:
        for response in (client.get(URL), client.patch(URL, json={"settings": {"statistics": {}}})):
            assert response.status_code == 404
            assert response.json()["status"] == "error" and "fuelstats-master init" in response.json()["message"]


def test_a_change_the_schema_refuses_changes_nothing(master):
    node = master_settings.ensure_master_node(master)
    before = statistics(master)
    refused = [
        {"settings": {"statistics": {"secret": {"value": 1}}}},  # not a setting that can change
        {"settings": {"statistics": {"send_anonymous_statistic": {"value": "no"}}}},  # not a boolean
        {"settings": {"statistics": {"email": {"value": "a@b.c", "label": "E-mail"}}}},
        {"master_node_uid": "another", "settings": {"statistics": {}}},  # never changes
        {"settings": {}},
    ]
    with create_app(master).test_client() as client:
        for body in refused:
            response = client.patch(URL, json=body)
            assert response.status_code == 400, body
            assert response.json()["status"] == "error" and response.json()["message"], body
        assert client.patch(URL, content=b"{not json", headers={"content-type": "application/json"}).status_code == 400
        assert statistics(master) == before
        changed = client.patch(URL, json={"settings": {"statistics": {"send_anonymous_statistic": {"value": False},
                                                                      "email": {"value": "ada@example.com"}}}})
        assert changed.status_code == 200, changed.text
        assert changed.json()["master_node_uid"] == node.uid
        assert client.get(URL).json()["settings"]["statistics"]["email"] == {"value": "ada@example.com"}
    assert statistics(master)["sending"] is False


def test_a_body_without_a_content_type_is_415_and_changes_nothing(master):
    import json

    master_settings.ensure_master_node(master)
    before = statistics(master)
    body = json.dumps({"settings": {"statistics": {"send_anonymous_statistic": {"value": not before["sending"]}}}})
    with create_app(master).test_client() as client:
        response = client.patch(URL, content=body.encode())
    assert response.status_code == 415, response.text
    assert response.json()["status"] == "error" and "Content-Type" in response.json()["message"]
    assert statistics(master) == before


def test_the_schema_and_the_python_api_agree_on_what_can_change():
    spec = load_spec(resources.openapi_dir() / "kit.yaml")
    change = spec["paths"]["/api/settings"]["patch"]["requestBody"]["content"]["application/json"]["schema"]
    changeable = change["properties"]["settings"]["properties"]["statistics"]["properties"]
    json_types = {"boolean": bool, "string": str}
    assert {name: json_types[entry["properties"]["value"]["type"]] for name, entry in changeable.items()} == \
        master_settings.CHANGEABLE
