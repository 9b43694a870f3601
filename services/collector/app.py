"""The collector's ASGI app: openapi/collector.yaml served by Connexion, validating both ways."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

from connexion import AsyncApp
from connexion.middleware import MiddlewarePosition
from connexion.options import SwaggerUIOptions

from fuelstats.collector import notifications
from fuelstats.collector.authentication import SignatureMiddleware
from fuelstats.collector.context import collector_engine, filtering_rules
from fuelstats.collector.settings import get_settings
from fuelstats.core import web
from fuelstats.core.openapi import load_spec

SPEC = "collector.yaml"


@contextlib.asynccontextmanager
async def _lifespan(app: Any) -> AsyncIterator[None]:
    # Each worker delivers failure notifications itself: woken by the request that stored a
    # report, and looking again periodically for the ones a channel that was down left due.
    settings = get_settings()
    dispatcher = notifications.start_dispatcher(collector_engine(), settings)
    try:
        yield
    finally:
        notifications.stop_dispatcher(dispatcher, timeout=settings.notify_timeout + 5)


def create_app() -> AsyncApp:
    settings = get_settings()
    settings.require_database_url()
    filtering_rules()  # a broken rules file stops the service at start, not at the first request
    app = AsyncApp(__name__, lifespan=_lifespan)
    spec = load_spec(settings.openapi_dir / SPEC)
    app.add_api(
        spec,
        validate_responses=True,
        strict_validation=True,
        validator_map=web.VALIDATOR_MAP,
        jsonifier=web.FastJsonifier(),
        swagger_ui_options=SwaggerUIOptions(swagger_ui=True, spec_path="/openapi.json"),
    )
    web.install_common_behaviour(app, max_body_bytes=settings.max_body_bytes, spec=spec,
                                 trusted_proxies=settings.trusted_proxy_addresses)
    # After the body limit and routing, before Connexion's security and validation: a forged
    # submission is refused before its body is parsed.
    app.add_middleware(SignatureMiddleware, position=MiddlewarePosition.BEFORE_SECURITY)
    return app
