"""The analytics web UI: one HTML shell for its pages, its files under /assets/.

The UI is plain ES modules in ui/static/ plus Chart.js, which `make setup` copies from npm into
ui/static/vendor/; both are shipped as package data (fuelstats.resources). It reads only the public API (and the private one when this machine opens it),
so it lives outside the OpenAPI document: these routes answer before Connexion routes anything.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Mount, Route, Router
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from fuelstats import resources

UI_DIR = resources.web_ui_dir()
# The pages of the UI: each is the same shell, whose script renders the page its path names.
PAGES = ("/", "/search", "/installation")
# The UI's routes as the metrics name them (fuelstats.core.metrics.Routes).
WEB_UI_ROUTES = (*PAGES, "/assets/{rest:path}")


def _shell(directory: Path) -> Callable[[Request], Awaitable[Response]]:
    async def page(request: Request) -> Response:
        # Never cached: a new build's module names must reach the browser at once.
        return FileResponse(directory / "index.html", headers={"Cache-Control": "no-cache"})

    return page


class _Assets(StaticFiles):
    """The UI's files, revalidated on every load (a 304 when unchanged): after an upgrade no browser
    keeps running old modules against a new API."""

    def file_response(self, *args: Any, **kwargs: Any) -> Response:
        response = super().file_response(*args, **kwargs)
        response.headers["Cache-Control"] = "no-cache"
        return response


def web_ui_middleware(directory: Path = UI_DIR) -> type:
    class WebUiMiddleware:
        """Serves the UI's pages and assets; everything else goes on to the API."""

        def __init__(self, app: ASGIApp) -> None:
            self.app = app
            page = _shell(directory)
            self.router = Router(
                routes=[*(Route(path, page, methods=["GET", "HEAD"]) for path in PAGES),
                        Mount("/assets", app=_Assets(directory=directory, check_dir=False))],
                default=app,
                redirect_slashes=False,
            )

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            # A router answers lifespan events itself: those belong to the app behind it.
            if scope["type"] != "http":
                await self.app(scope, receive, send)
                return
            await self.router(scope, receive, send)

    return WebUiMiddleware
