"""The analytics web UI: one HTML shell for its pages, its files under /assets/.

The UI is plain ES modules in ui/static/ plus Chart.js, which `make setup` copies from npm into
ui/static/vendor/; both are shipped as package data (fuelstats.resources). It reads only the public API (and the private one when this machine opens it),
so it lives outside the OpenAPI document: these routes answer before Connexion routes anything.

A page that needs a login (every page but /login, unless the instance opens the reports' pages)
sends a visitor without a live session to /login?next=PAGE, which returns there after the login.
The assets are the UI's code, the same for everyone and holding no data: they answer anyone, so
that the login page can load.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Mount, Route, Router
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from fuelstats import resources

UI_DIR = resources.web_ui_dir()
# The pages of the UI: each is the same shell, whose script renders the page its path names.
REPORT_PAGES = ("/", "/search", "/installation")
LOGIN_PAGE = "/login"
ACCOUNT_PAGE = "/account"
JOBS_PAGE = "/jobs"  # one's jobs (docs/jobs.md): always a login's, as the job API is
PAGES = (*REPORT_PAGES, LOGIN_PAGE, ACCOUNT_PAGE, JOBS_PAGE)

# Who opens a page: anything but None is someone logged in.
Visitor = Callable[[Scope], Awaitable[object | None]]
# The UI's routes as the metrics name them (fuelstats.core.metrics.Routes).
WEB_UI_ROUTES = (*PAGES, "/assets/{rest:path}")


async def _nobody(scope: Scope) -> None:
    return None


def _shell(directory: Path, guarded: Collection[str], visitor: Visitor) -> Callable[[Request], Awaitable[Response]]:
    async def page(request: Request) -> Response:
        if request.url.path in guarded and await visitor(request.scope) is None:
            here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"{LOGIN_PAGE}?{urlencode({'next': here})}", status_code=303,
                                    headers={"Cache-Control": "no-store"})
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


def web_ui_middleware(directory: Path = UI_DIR, *, guarded: Collection[str] = (), visitor: Visitor = _nobody) -> type:
    """The UI's middleware; the pages in ``guarded`` need a visitor that ``visitor`` recognises."""

    class WebUiMiddleware:
        """Serves the UI's pages and assets; everything else goes on to the API."""

        def __init__(self, app: ASGIApp) -> None:
            self.app = app
            page = _shell(directory, frozenset(guarded), visitor)
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
