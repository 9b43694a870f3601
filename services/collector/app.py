"""The collector's ASGI app: openapi/collector.yaml served by Connexion, validating both ways."""

from __future__ import annotations

import json

from connexion import AsyncApp
from connexion.lifecycle import ConnexionRequest, ConnexionResponse
from connexion.options import SwaggerUIOptions

from fuelstats import web
from fuelstats.collector.context import filtering_rules
from fuelstats.collector.ingest import Rejected
from fuelstats.openapi import load_spec
from fuelstats.settings import get_settings

SPEC = "collector.yaml"


def _rejected(request: ConnexionRequest, error: Exception) -> ConnexionResponse:
    assert isinstance(error, Rejected)
    web.note(rule=error.rule, at=error.path)
    body = web.error_body(error.message, rule=error.rule, path=error.path)
    return ConnexionResponse(status_code=403, mimetype="application/json", body=json.dumps(body))


def create_app() -> AsyncApp:
    settings = get_settings()
    settings.require_database_url()
    filtering_rules()  # a broken rules file stops the service at start, not at the first request
    app = AsyncApp(__name__)
    app.add_api(
        load_spec(settings.openapi_dir / SPEC),
        validate_responses=True,
        strict_validation=True,
        validator_map=web.VALIDATOR_MAP,
        swagger_ui_options=SwaggerUIOptions(swagger_ui=True, spec_path="/openapi.json"),
    )
    web.install_common_behaviour(app, max_body_bytes=settings.max_body_bytes)
    app.add_error_handler(Rejected, _rejected)
    return app
