"""Serve a fuel-stats ASGI app with gunicorn and uvicorn workers, logging through structlog, counting for Prometheus.

Metrics under gunicorn take prometheus-client's multiprocess mode: every worker writes its counts
to files in PROMETHEUS_MULTIPROC_DIR, and the master serves their sum on the metrics port. The
folder is this instance's own: under systemd in its RuntimeDirectory, else a new temporary folder
removed at exit, and emptied at start either way (the counts of an earlier run would be added in).
The variable must be set before prometheus_client is first imported, in the master, so that the
workers it forks count in files: nothing on the way to ``serve`` may import it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import importlib
import logging
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gunicorn.app.base import BaseApplication
from gunicorn.glogging import Logger
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn_worker import UvicornWorker

from fuelstats_common.logs import configure_logging
from fuelstats_common.settings import ProgramSettings, settings_of

MULTIPROC_VARIABLE = "PROMETHEUS_MULTIPROC_DIR"


class StructlogLogger(Logger):
    """gunicorn's own messages go through our logging; the request log replaces its access log."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        configure_logging(cfg.loglevel.upper(), settings_of(ProgramSettings).log_format)
        for name in ("gunicorn.error", "gunicorn.access"):
            logger = logging.getLogger(name)
            logger.handlers.clear()
            logger.propagate = True


class Worker(UvicornWorker):
    """uvicorn's worker with its reading of X-Forwarded-For turned off: it believes any loopback
    peer, so a local proxy we do not trust would name the client. fuelstats.core.proxies decides alone,
    by FUELSTATS_TRUSTED_PROXIES."""

    CONFIG_KWARGS = {**UvicornWorker.CONFIG_KWARGS, "proxy_headers": False}


# Requests a client may send on one keep-alive connection before the answer closes it (nginx's
# keepalive_requests, Apache's MaxKeepAliveRequests). A connection stays with the worker that
# accepted it: eight senders that keep theirs split 3/5 or worse between two workers for as long
# as they send, and the busier worker's queue makes the tail. Closed now and then, a connection
# comes back to whichever worker is free to accept it first, so the split evens out; a new TCP
# connection on the way costs far less than a request. Closed at the 10th, the queues still
# differed enough to make p99 at 8 senders 42-58 ms; at the 2nd, 34-46 ms, the rate the same (an A/B
# in one session; a connection per request gives the same tail, docs/benchmarks.md). Fuel masters
# (statsenderd) and nginx in front (no upstream keepalive) open one per request anyway.
KEEPALIVE_REQUESTS = 2
_TRACKED_CONNECTIONS = 4096  # past that many, the counts start again: a few connections live a little longer


class KeepAliveRequests:
    """Answers ``Connection: close`` to the KEEPALIVE_REQUESTS-th request of a connection (uvicorn then
    closes it). A connection is its client's address and port, counted in this worker."""

    def __init__(self, app: ASGIApp, limit: int = KEEPALIVE_REQUESTS) -> None:
        self.app = app
        self.limit = limit
        self.served: dict[tuple[object, object], int] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("client") is None or scope.get("http_version") == "2":
            await self.app(scope, receive, send)
            return
        connection = (tuple(scope["client"]), tuple(scope.get("server") or ()))
        served = self.served.pop(connection, 0) + 1
        if served < self.limit:
            if len(self.served) >= _TRACKED_CONNECTIONS:
                self.served.clear()
            self.served[connection] = served
            await self.app(scope, receive, send)
            return

        async def closing(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), (b"connection", b"close")]}
            await send(message)

        await self.app(scope, receive, closing)


class _Server(BaseApplication):  # type: ignore[misc]
    def __init__(self, factory: str, options: dict[str, Any]) -> None:
        self.factory = factory
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        module_name, _, function = self.factory.partition(":")
        app = getattr(importlib.import_module(module_name), function)()
        # What the worker built to serve (modules, the spec, compiled validators) lives as long as it:
        # frozen out of the cyclic garbage collector's sight, a collection scans only what requests
        # made since. And fewer of them: a parsed batch is thousands of containers, which freed by
        # their reference counts, not by the collector; at the default threshold (700) each batch
        # set off several young collections, which traversed the batch to find nothing (in an A/B
        # in one session: 22-24 ms of a worker's CPU per 1000 new action logs against 24-28).
        gc.freeze()
        gc.set_threshold(*GC_THRESHOLDS)
        return KeepAliveRequests(app)


# The cyclic garbage collector's thresholds in a worker (gc.set_threshold): young collections every
# 20,000 container allocations rather than 700, older ones as rarely in proportion.
GC_THRESHOLDS = (20_000, 50, 100)

_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


def exit_with_the_master(server: Any, worker: Any) -> None:
    """gunicorn's post_fork hook: the worker gets SIGTERM (and shuts down gracefully) when its master dies.

    uvicorn workers do not watch their parent: after a SIGKILL of the master they went on serving
    on the inherited socket, and a restarted service could not bind its port.
    """
    libc_name = ctypes.util.find_library("c")
    libc = ctypes.CDLL(libc_name, use_errno=True) if libc_name else None
    if libc is None or not hasattr(libc, "prctl"):  # not Linux: nothing to ask for
        return
    if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
        server.log.warning("prctl(PR_SET_PDEATHSIG) failed: errno %s", ctypes.get_errno())
        return
    if os.getppid() != worker.ppid:  # the master died before the request took effect
        os.kill(os.getpid(), signal.SIGTERM)


def _metrics_folder(program: str) -> tuple[Path, bool]:
    """This instance's folder of metrics files, empty; and whether it is ours to remove at exit."""
    runtime = os.environ.get("RUNTIME_DIRECTORY", "").split(":")[0]  # systemd's RuntimeDirectory=
    if runtime:
        folder = Path(runtime) / "metrics"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(mode=0o700)
        return folder, False
    return Path(tempfile.mkdtemp(prefix=f"fuelstats-{program}-metrics-")), True


def _metrics_hooks(program: str, metrics_bind: str) -> dict[str, Callable[..., None]]:
    if "prometheus_client" in sys.modules:
        raise RuntimeError("prometheus_client was imported before its multiprocess folder was set")
    folder, temporary = _metrics_folder(program)
    os.environ[MULTIPROC_VARIABLE] = str(folder)

    def when_ready(server: Any) -> None:
        from fuelstats.core import metrics

        metrics.serve(metrics_bind, metrics.metrics_app(metrics.registry()), program)

    def child_exit(server: Any, worker: Any) -> None:
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)  # its gauges go; its counters stay in the sums

    def on_exit(server: Any) -> None:
        if temporary:
            shutil.rmtree(folder, ignore_errors=True)

    return {"when_ready": when_ready, "child_exit": child_exit, "on_exit": on_exit}


def serve(factory: str, *, program: str, bind: str, workers: int, metrics_bind: str, log_level: str = "INFO") -> None:
    """Run gunicorn until it is stopped; ``factory`` ("module:function") builds the app in each worker,
    and the master serves the workers' metrics on ``metrics_bind`` (HOST:PORT, or off)."""
    _Server(
        factory,
        {
            "bind": bind,
            "workers": workers,
            "loglevel": log_level.lower(),
            "worker_class": "fuelstats.core.server.Worker",
            "logger_class": StructlogLogger,
            "accesslog": None,
            "graceful_timeout": 20,
            "timeout": 60,
            "post_fork": exit_with_the_master,
            # gunicorn's control socket defaults to one path per user ($HOME/.gunicorn/gunicorn.ctl),
            # which every instance on the machine would take from the others; nothing here uses it.
            "control_socket_disable": True,
            **_metrics_hooks(program, metrics_bind),
        },
    ).run()
