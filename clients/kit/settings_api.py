"""The master node settings over HTTP, Nailgun's `/api/settings` shape: what Fuel's web UI and CLI
call to turn sending statistics on and off and to give the contact.

    GET   /api/settings          {"master_node_uid": ..., "settings": {"statistics": {name: {"value": ...}}}}
    PATCH /api/settings          {"settings": {"statistics": {"send_anonymous_statistic": {"value": false}}}}
    GET   /api/settings/preview  exactly what the next sender run would send (fuelstats_kit.preview)

Described in openapi/kit.yaml like every other API (this package ships a copy: `openapi/` here) and
validated both ways by Connexion. Sending statistics needs none of it, so Connexion comes with the
`settings-api` extra only: `pip install 'fuel-stats-kit[settings-api]'`. Mounted as WSGI behind
`ActionLogMiddleware`, its changes are action logs like any other:

    application = ActionLogMiddleware(settings_api.wsgi_app(engine), engine)
"""

from __future__ import annotations

import json
from contextvars import ContextVar
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from sqlalchemy import Engine

from fuelstats_kit import master_settings, preview, storage
from fuelstats_kit.settings import get_settings

try:
    from a2wsgi import ASGIMiddleware
    from connexion import AsyncApp
    from connexion.datastructures import MediaTypeDict
    from connexion.exceptions import ProblemException, UnsupportedMediaTypeProblem
    from connexion.lifecycle import ConnexionRequest, ConnexionResponse
    from connexion.middleware import MiddlewarePosition
    from connexion.validators import VALIDATOR_MAP, JSONRequestBodyValidator
    from starlette.datastructures import Headers
    from starlette.types import ASGIApp, Receive, Scope, Send
except ImportError as missing:
    raise ImportError(f"the settings API needs the settings-api extra: pip install 'fuel-stats-kit[settings-api]'"
                      f" ({missing})") from missing

SPEC = files("fuelstats_kit") / "openapi" / "kit.yaml"


@dataclass(frozen=True)
class _Served:
    engine: Engine
    sources: preview.Sources | None  # None: the sender daemon's, from the kit's settings, when first asked

    def sources_of_next_run(self) -> preview.Sources:
        return self.sources or preview.sources_of(self.engine, get_settings())


# The master database (and the sender's sources) of the app serving the request, for the handlers
# Connexion calls by name.
_served: ContextVar[_Served] = ContextVar("settings_api_served")


def _error(status: int, message: str) -> tuple[dict[str, str], int]:
    return {"status": "error", "message": message}, status


def _answer(uid: str, engine: Engine) -> dict[str, Any]:
    with engine.connect() as connection:
        found = storage.master_node_settings(connection)
    assert found is not None
    return {"master_node_uid": uid, "settings": found[1]}


def read_settings() -> Any:
    engine = _served.get().engine
    node = master_settings.load_master_node(engine)
    if node is None:
        return _error(404, "no master node settings yet: run `fuelstats-master init`")
    return _answer(node.uid, engine)


def change_settings(body: dict[str, Any]) -> Any:
    """The schema has let through only the settings that can change, each with a value of its type."""
    engine = _served.get().engine
    values = {name: entry["value"] for name, entry in body["settings"]["statistics"].items()}
    try:
        node = master_settings.update_statistics(engine, values)
    except LookupError as error:
        return _error(404, str(error))
    return _answer(node.uid, engine)


def preview_next_run(limit: int | None = None) -> Any:
    """What the next run sends, made by the sender's own code; nothing is sent."""
    served = _served.get()
    sources = served.sources_of_next_run()
    return preview.next_run(served.engine, sources.provider, sources.config, spool=sources.spool, limit=limit)


class _JSONBody(JSONRequestBodyValidator):
    """Connexion's JSON body validator, for a body that says it is JSON. Without a Content-Type,
    Connexion would validate the body as JSON and then hand the operation its bytes (a 500): it is
    refused as any other content type the operation does not take."""

    async def wrap_receive(self, receive: Receive, *, scope: Scope) -> tuple[Receive, Scope]:
        if not Headers(scope=scope).get("content-type", "").strip():
            raise UnsupportedMediaTypeProblem("the body has no Content-Type: send it as application/json")
        return await super().wrap_receive(receive, scope=scope)


def _refused(request: ConnexionRequest, error: Exception) -> ConnexionResponse:
    assert isinstance(error, ProblemException)
    body, status = _error(error.status, error.detail or error.title or "error")
    return ConnexionResponse(status_code=status, mimetype="application/json", body=json.dumps(body))


def _served_middleware(served: _Served) -> type:
    class ServedMiddleware:
        def __init__(self, app: ASGIApp) -> None:
            self.app = app

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            token = _served.set(served)
            try:
                await self.app(scope, receive, send)
            finally:
                _served.reset(token)

    return ServedMiddleware


def create_app(engine: Engine, sources: preview.Sources | None = None) -> AsyncApp:
    """The settings API on the master database ``engine``, as an ASGI app. ``sources``: what the
    preview's next run reads besides that database; by default the sender daemon's, as the kit's
    settings configure it."""
    app = AsyncApp(__name__)
    app.add_api(str(SPEC), strict_validation=True, validate_responses=True,
                validator_map={**VALIDATOR_MAP, "body": MediaTypeDict({**VALIDATOR_MAP["body"], "*/*json": _JSONBody})})
    app.add_middleware(_served_middleware(_Served(engine, sources)), position=MiddlewarePosition.BEFORE_EXCEPTION)
    app.add_error_handler(ProblemException, _refused)
    return app


def wsgi_app(engine: Engine, sources: preview.Sources | None = None) -> ASGIMiddleware:
    """The same as a WSGI app, for Nailgun's WSGI stack (and `ActionLogMiddleware`)."""
    return ASGIMiddleware(create_app(engine, sources))
