"""Prometheus metrics: what every service counts, and the small listener that serves them.

Metrics go out on a port of each program's own (FUELSTATS_<PROGRAM>_METRICS_BIND, loopback by
default), never through the public API: a scrape is a private matter, and its port can stay behind
the firewall. That listener also answers /healthz (the process is alive) and, for the programs that
have no HTTP API of their own (the ETL follower, the notification dispatcher), /readyz.

Under gunicorn, each worker counts in files of PROMETHEUS_MULTIPROC_DIR (prometheus-client's
multiprocess mode) and the master serves their sum (fuelstats.core.server); a program of one
process counts in memory. Each metric is described in docs/operations.md.
"""

from __future__ import annotations

import json
import os
import socket
import threading
from collections.abc import Callable, Iterable
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import structlog
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, make_wsgi_app, multiprocess
from starlette.routing import compile_path

from fuelstats.core.health import Dependency, readiness
from fuelstats.core.settings import split_bind

log = structlog.get_logger("fuelstats.metrics")

# --- what the HTTP services count ----------------------------------------------------------------

HTTP_REQUESTS = Counter(
    "fuelstats_http_requests_total", "HTTP requests answered, by route template, method and status.",
    ["route", "method", "status"],
)
HTTP_DURATION = Histogram(
    "fuelstats_http_request_duration_seconds", "Seconds from a request's arrival to the end of its answer.",
    ["route", "method"], buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
REFUSALS = Counter("fuelstats_refusals_total", "Requests refused with a 4xx error, by the rule they broke.", ["rule"])

UNMATCHED = "unmatched"  # the route of a request no template matches: a 404, a scanner's probe


class Routes:
    """The route templates of an app, in order: a request's ``route`` label is the first that matches
    its path. Labels stay few whatever clients send: never the raw path."""

    def __init__(self, templates: Iterable[str]) -> None:
        # Starlette's syntax, which OpenAPI's paths share: {name} is one segment, {name:path} the rest.
        # The label is the template without its convertors: /assets/{rest:path} counts as /assets/{rest}.
        self._compiled = [compile_path(template)[:2] for template in templates]

    def of(self, path: str) -> str:
        for pattern, template in self._compiled:
            if pattern.match(path):
                return template
        return UNMATCHED


# --- serving them --------------------------------------------------------------------------------

Readiness = Callable[[], tuple[dict[str, Any], int]]


def registry() -> CollectorRegistry:
    """What a scrape gets: under gunicorn, the sum of every worker's files; else this process's counts."""
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        summed = CollectorRegistry()
        multiprocess.MultiProcessCollector(summed)
        return summed
    return REGISTRY


def _json(start_response: Callable[..., Any], status: int, body: dict[str, Any]) -> list[bytes]:
    reason = {200: "OK", 404: "Not Found", 503: "Service Unavailable"}[status]
    start_response(f"{status} {reason}", [("Content-Type", "application/json")])
    return [json.dumps(body).encode()]


def metrics_app(source: CollectorRegistry, readiness: Readiness | None = None) -> Callable[..., Any]:
    """The listener's WSGI app: /metrics, /healthz and, when given, /readyz."""
    exposition = make_wsgi_app(source)

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == "/metrics":
            return exposition(environ, start_response)  # type: ignore[no-any-return]
        if path == "/healthz":
            return _json(start_response, 200, {"status": "ok"})
        if path == "/readyz" and readiness is not None:
            body, status = readiness()
            return _json(start_response, status, body)
        return _json(start_response, 404, {"status": "error", "message": f"no {path} here: /metrics, /healthz"})

    return app


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the standard library's name)
        pass  # a line per scrape would drown the program's own


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True  # a scrape in progress never holds the program's exit


class _Server6(_Server):
    address_family = socket.AF_INET6


def serve(bind: str, app: Callable[..., Any], program: str) -> WSGIServer | None:
    """Serve ``app`` on ``bind`` (HOST:PORT, or off) from a daemon thread until the process ends.

    A port that is taken costs the metrics, not the service: the error is logged and the program
    goes on without them. None when nothing is served."""
    address = split_bind(bind)
    if address is None:
        return None
    host, port = address
    try:
        server = make_server(host, port, app, server_class=_Server6 if ":" in host else _Server,
                             handler_class=_QuietHandler)
    except OSError as error:
        log.error("metrics not served", program=program, bind=bind, error=str(error))
        return None
    threading.Thread(target=server.serve_forever, name="metrics", daemon=True).start()
    log.info("metrics served", program=program, url=f"http://{bind}/metrics")
    return server


def serve_alone(bind: str, program: str, dependencies: list[Dependency], timeout: float) -> WSGIServer | None:
    """The listener of a program of one process with no HTTP API (the ETL follower, the notification
    dispatcher): its metrics, /healthz, and /readyz asking ``dependencies``."""
    return serve(bind, metrics_app(registry(), lambda: readiness(dependencies, timeout)), program)
