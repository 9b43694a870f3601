"""A WSGI middleware that logs every modifying request of a master node's web API into `action_logs`.

    application = ActionLogMiddleware(application, engine)

POST, PUT, PATCH and DELETE are logged whatever their outcome (an exception counts as 500), with
the actor (`actor_of(environ)`, by default the `X-User-Id` header an auth layer sets), the times,
the status, the client (`fuel-cli` or `fuel-web`, by User-Agent), the JSON request body and, for a
request that did not succeed, the start of its answer, all sanitized. A failure to log is itself
logged and never fails the request.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import structlog
from sqlalchemy import Engine

from fuelstats_kit.action_logs import record_request

MODIFYING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Bodies past this are not kept in the log (they are passed on untouched all the same).
MAX_LOGGED_BODY = 256 * 1024
# Of a failed request's answer, this much is kept: the error's message, not a page of HTML.
MAX_LOGGED_ANSWER = 4096

log = structlog.get_logger("fuelstats_kit.middleware")
StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def default_actor(environ: dict[str, Any]) -> str | None:
    return environ.get("HTTP_X_USER_ID") or environ.get("REMOTE_USER") or None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class ActionLogMiddleware:
    def __init__(self, app: WsgiApp, engine: Engine,
                 actor_of: Callable[[dict[str, Any]], str | None] = default_actor) -> None:
        self.app = app
        self.engine = engine
        self.actor_of = actor_of

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET").upper()
        if method not in MODIFYING:
            return self.app(environ, start_response)
        started = _now()
        request_data = self._request_data(environ)
        status: list[int] = [500]

        def recording_start_response(status_line: str, headers: list[tuple[str, str]], *args: Any) -> Any:
            status[0] = int(status_line.split(" ", 1)[0])
            return start_response(status_line, headers, *args)

        try:
            body = self.app(environ, recording_start_response)
        except BaseException:
            self._record(environ, method, 500, started, request_data, None)
            raise
        # The request ends when its body has been produced, so the log is written on close.
        return _Answer(body, failed=lambda: not 200 <= status[0] < 300,
                       on_close=lambda head: self._record(environ, method, status[0], started, request_data, head))

    @staticmethod
    def _request_data(environ: dict[str, Any]) -> Any:
        """The JSON body, for the log; the body itself is handed on to the app as it came."""
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return None
        if length <= 0 or length > MAX_LOGGED_BODY:
            return None
        raw = environ["wsgi.input"].read(length)
        environ["wsgi.input"] = io.BytesIO(raw)
        if "json" not in environ.get("CONTENT_TYPE", ""):
            return None
        try:
            return json.loads(raw)
        except ValueError:
            return None

    def _record(self, environ: dict[str, Any], method: str, status: int, started: dt.datetime,
                request_data: Any, answer: str | None) -> None:
        try:
            record_request(self.engine, method=method, path=environ.get("PATH_INFO", "/"), status=status,
                           started=started, ended=_now(), actor_id=self.actor_of(environ),
                           user_agent=environ.get("HTTP_USER_AGENT", ""), request_data=request_data,
                           answer=answer)
        except Exception:
            log.exception("action log not written", method=method, path=environ.get("PATH_INFO"))


class _Answer:
    """The app's body, passed through as it comes; of a failed request, its first bytes are kept.
    ``on_close`` gets them (or None) once, when the server closes the body."""

    def __init__(self, body: Iterable[bytes], failed: Callable[[], bool],
                 on_close: Callable[[str | None], None]) -> None:
        self.body = body
        self.failed = failed
        self.on_close = on_close
        self._head = bytearray()

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.body:
            # The status is known by the first chunk: start_response comes before it.
            if len(self._head) < MAX_LOGGED_ANSWER and self.failed():
                self._head += chunk[:MAX_LOGGED_ANSWER - len(self._head)]
            yield chunk

    def close(self) -> None:
        try:
            close = getattr(self.body, "close", None)
            if close is not None:
                close()
        finally:
            self.on_close(self._head.decode("utf-8", "replace") if self._head else None)
