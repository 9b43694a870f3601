from __future__ import annotations

import importlib

import pytest

from fuelstats import resources
from fuelstats.core.openapi import load_spec

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
                                           "/api/v1/master_keys/rotation/"}
    ui = client.get("/ui/")
    assert ui.status_code == 200
    assert "swagger" in ui.text.lower()
