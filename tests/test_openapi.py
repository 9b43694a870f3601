from __future__ import annotations

import importlib

import pytest
from connexion import AsyncApp
from sqlalchemy import text

from fuelstats import resources
from fuelstats.core.openapi import load_spec
from tests.collector.payloads import http_request_log, installation_structure, oswl_record
from fuelstats_common import signatures
from tests.failures.payloads import failure_report

SPECS = sorted(resources.openapi_dir().glob("*.yaml"))


@pytest.mark.parametrize("path", SPECS, ids=[p.name for p in SPECS])
def test_the_document_resolves_and_validates_with_prance(path):
    spec = load_spec(path)
    assert spec["openapi"].startswith("3.0")
    assert "$ref" not in str(spec), "every reference is resolved"


@pytest.mark.parametrize("path", SPECS, ids=[p.name for p in SPECS])
def test_every_operation_has_a_handler(path):
    spec = load_spec(path)
    for route, operations in spec["paths"].items():
        for method, operation in operations.items():
            module, _, function = operation["operationId"].rpartition(".")
            assert callable(getattr(importlib.import_module(module), function)), (route, method)


def test_the_collector_serves_its_spec_and_swagger_ui(client):
    served = client.get("/openapi.json")
    assert served.status_code == 200
    assert set(served.json()["paths"]) == {"/api/v1/ping/", "/api/v1/action_logs/",
                                           "/api/v1/installation_structure/", "/api/v1/oswl_stats/",
                                           "/api/v1/failure_reports/", "/api/v1/master_keys/",
                                           "/api/v1/master_keys/rotation/", "/healthz", "/readyz"}
    ui = client.get("/ui/")
    assert ui.status_code == 200
    assert "swagger" in ui.text.lower()


# The master node and key of the key operations' bodies.
MASTER_KEY, MASTER_KEY_OWNER = signatures.new_private_key(), "5c1bc6a9-6a4f-4ba1-9f4e-2c9a8a3e7d10"


def key_request() -> dict[str, str]:
    """An enrolment's or rotation's body: a master node and the key that signs the request."""
    return {"master_node_uid": MASTER_KEY_OWNER, "public_key": signatures.public_key_text(MASTER_KEY.public_key())}


# A valid body for each operation of the services that takes one, per spec.
VALID_BODIES = {
    ("analytics.yaml", "post", "/api/v1/session/login/"): lambda: {"username": "nobody", "password": "wrong"},
    ("analytics.yaml", "post", "/api/v1/tokens/create/"): lambda: {"name": "a token"},
    ("collector.yaml", "post", "/api/v1/action_logs/"): lambda: {"action_logs": [http_request_log(1)]},
    ("collector.yaml", "post", "/api/v1/installation_structure/"): lambda: {
        "installation_structure": installation_structure()},
    ("collector.yaml", "post", "/api/v1/oswl_stats/"): lambda: {"oswl_stats": [oswl_record(1)]},
    ("collector.yaml", "post", "/api/v1/failure_reports/"): lambda: failure_report(contact=None),
    ("collector.yaml", "post", "/api/v1/master_keys/"): key_request,
    ("collector.yaml", "post", "/api/v1/master_keys/rotation/"): key_request,
    ("analytics.yaml", "post", f"/api/v1/private/master_keys/{MASTER_KEY_OWNER}/reset/"): lambda: {
        "reason": "a lost key"},
    ("analytics.yaml", "post", "/api/v1/job_requests/"): lambda: {"kind": "report", "name": "deployment_history"},
}
# Requests the collector takes only signed (docs/security.md): signed by the key they name, Content-Type aside.
SIGNED = {"/api/v1/master_keys/", "/api/v1/master_keys/rotation/"}


def operations_with_a_body() -> list[tuple[str, str, str]]:
    return [(spec.name, method, route.replace("{master_node_uid}", MASTER_KEY_OWNER)) for spec in SPECS
            for route, operations in load_spec(spec)["paths"].items()
            for method, operation in operations.items() if "requestBody" in operation]


# The kit's settings API is its own app on the master's database (fuelstats_kit, which never imports
# the services): tests/kit/test_settings_api.py checks it.
CHECKED_WITH_THE_KIT = {("kit.yaml", "patch", "/api/settings")}


def _collector() -> AsyncApp:
    from fuelstats.collector.app import create_app

    return create_app()


def _analytics() -> AsyncApp:
    from fuelstats.analytics.app import create_app

    return create_app()


APPS = {"collector.yaml": _collector, "analytics.yaml": _analytics}


def test_every_operation_with_a_body_is_checked_without_a_content_type():
    assert sorted(operations_with_a_body()) == sorted([*VALID_BODIES, *CHECKED_WITH_THE_KIT])


@pytest.mark.parametrize("operation", sorted(VALID_BODIES), ids=lambda o: f"{o[0]}:{o[1]}:{o[2]}")
def test_a_valid_body_without_content_type_is_415_not_500(operation, engine, as_admin):
    import json

    spec, method, route = operation
    assert spec in APPS, "add the app of the spec that gained an operation with a body"
    content = json.dumps(VALID_BODIES[operation]()).encode()
    headers: dict[str, str] = {}
    if route in SIGNED:
        headers["master-node-uid"] = MASTER_KEY_OWNER
        signatures.sign(signatures.HttpMessage(method.upper(), f"http://testserver{route}", headers), MASTER_KEY,
                        content)
    # The private part answers this machine alone, and the analytics an admin's (tests/conftest.py).
    with APPS[spec]().test_client(client=("127.0.0.1", 50000), headers=as_admin if spec == "analytics.yaml" else {}
                                  ) as client:
        response = client.request(method, route, content=content, headers=headers)
    assert response.status_code == 415, response.text
    assert (response.json()["rule"], response.json()["path"]) == ("content-type", "header.content-type")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM action_logs")).scalar_one() == 0
        assert connection.execute(text("SELECT count(*) FROM master_keys")).scalar_one() == 0
