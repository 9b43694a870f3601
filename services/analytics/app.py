"""The analytics' ASGI app: openapi/analytics.yaml served by Connexion, validating both ways."""

from __future__ import annotations

import json

import structlog
from connexion import AsyncApp
from connexion.exceptions import OAuthProblem
from connexion.lifecycle import ConnexionRequest, ConnexionResponse
from connexion.middleware import MiddlewarePosition
from connexion.options import SwaggerUIOptions
from elastic_transport import ConnectionError as ElasticConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch import ApiError, NotFoundError
from sqlalchemy.exc import OperationalError

from fuelstats.analytics import accounts, security
from fuelstats.analytics.access import allowed_networks_middleware, local_only_middleware
from fuelstats.analytics.settings import get_settings
from fuelstats.analytics.webui import ACCOUNT_PAGE, JOBS_PAGE, REPORT_PAGES, WEB_UI_ROUTES, web_ui_middleware
from fuelstats.core import web
from fuelstats.core.openapi import load_spec
from fuelstats_common.settings import ConfigurationError

SPEC = "analytics.yaml"
log = structlog.get_logger("fuelstats.analytics")


def _json(status: int, body: dict[str, str], headers: dict[str, str] | None = None) -> ConnexionResponse:
    return ConnexionResponse(status_code=status, mimetype="application/json", body=json.dumps(body), headers=headers)


def _search_unavailable(request: ConnexionRequest, error: Exception) -> ConnexionResponse:
    if isinstance(error, ApiError) and not isinstance(error, NotFoundError) and error.meta.status < 500:
        # Elasticsearch refused a query of ours: a bug here, not an outage there.
        log.error("query refused", error=str(error)[:500])
        return _json(500, web.error_body("internal error"))
    if isinstance(error, NotFoundError):
        reason = "the statistics have not been indexed yet (run `fuelstats etl run`)"
    else:
        reason = "Elasticsearch is unavailable, try again later"
    log.error("search unavailable", error=str(error).splitlines()[0])
    return _json(503, web.error_body(reason), headers={"Retry-After": "30"})


def _database_unavailable(request: ConnexionRequest, error: Exception) -> ConnexionResponse:
    log.error("database unavailable", error=str(error).splitlines()[0])
    return _json(503, web.error_body("the collector's database is unavailable, try again later"),
                 headers={"Retry-After": "30"})


def _not_configured(request: ConnexionRequest, error: Exception) -> ConnexionResponse:
    log.error("not configured", error=str(error))
    return _json(503, web.error_body(f"the analytics service is not configured for this: {error}"))


def create_app() -> AsyncApp:
    settings = get_settings()
    app = AsyncApp(__name__)
    # The spec's security as this instance's mode has it (docs/authentication.md).
    spec = security.in_mode(load_spec(settings.openapi_dir / SPEC), settings.analytics_mode)
    app.add_api(
        spec,
        validate_responses=True,
        strict_validation=True,
        pythonic_params=True,
        validator_map=web.VALIDATOR_MAP,
        swagger_ui_options=SwaggerUIOptions(swagger_ui=True, spec_path="/openapi.json"),
    )
    web.install_common_behaviour(app, max_body_bytes=settings.max_body_bytes, spec=spec,
                                 other_routes=WEB_UI_ROUTES, trusted_proxies=settings.trusted_proxy_addresses)
    if not settings.analytics_open_to_all:
        # Before the web UI and Swagger UI too, inside the request log, which records the refusal, and
        # inside the exception middleware, which answers its Refused.
        app.add_middleware(allowed_networks_middleware(settings.analytics_network_list,
                                                       settings.trusted_proxy_addresses),
                           position=MiddlewarePosition.BEFORE_SWAGGER)
    app.add_middleware(local_only_middleware(settings.trusted_proxy_addresses),
                       position=MiddlewarePosition.BEFORE_ROUTING)
    # After Connexion's security has said who the request is: the role each operation needs.
    app.add_middleware(security.role_middleware(security.required_roles(spec)),
                       position=MiddlewarePosition.BEFORE_VALIDATION)
    app.add_error_handler(OAuthProblem, security.unauthenticated)
    accounts.dummy_hash()  # now, not at the first login of a name nobody has
    # The web UI at / and /assets/, beside the API (the private part stays local-only above); its
    # pages need a login as the operations they show do.
    guarded = ((ACCOUNT_PAGE, JOBS_PAGE) if settings.analytics_mode == "public-reports"
               else (*REPORT_PAGES, ACCOUNT_PAGE, JOBS_PAGE))
    app.add_middleware(web_ui_middleware(guarded=guarded, visitor=security.page_visitor),
                       position=MiddlewarePosition.BEFORE_SWAGGER)
    app.add_error_handler(ConfigurationError, _not_configured)
    app.add_error_handler(OperationalError, _database_unavailable)
    for error in (ElasticConnectionError, ConnectionTimeout, ApiError):
        app.add_error_handler(error, _search_unavailable)
    return app
