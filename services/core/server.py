"""Serve a fuel-stats ASGI app with gunicorn and uvicorn workers, logging JSON lines."""

from __future__ import annotations

import ctypes
import ctypes.util
import importlib
import logging
import os
import signal
from typing import Any

from gunicorn.app.base import BaseApplication
from gunicorn.glogging import Logger
from uvicorn_worker import UvicornWorker

from fuelstats_common.logs import configure_logging


class JsonLogger(Logger):
    """gunicorn's own messages go through our JSON logging; the request log replaces its access log."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        configure_logging(cfg.loglevel.upper())
        for name in ("gunicorn.error", "gunicorn.access"):
            logger = logging.getLogger(name)
            logger.handlers.clear()
            logger.propagate = True


class Worker(UvicornWorker):
    """uvicorn's worker with its reading of X-Forwarded-For turned off: it believes any loopback
    peer, so a local proxy we do not trust would name the client. fuelstats.core.proxies decides alone,
    by FUELSTATS_TRUSTED_PROXIES."""

    CONFIG_KWARGS = {**UvicornWorker.CONFIG_KWARGS, "proxy_headers": False}


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
        return getattr(importlib.import_module(module_name), function)()


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


def serve(factory: str, *, bind: str, workers: int, log_level: str = "INFO") -> None:
    """Run gunicorn until it is stopped; ``factory`` ("module:function") builds the app in each worker."""
    _Server(
        factory,
        {
            "bind": bind,
            "workers": workers,
            "loglevel": log_level.lower(),
            "worker_class": "fuelstats.core.server.Worker",
            "logger_class": JsonLogger,
            "accesslog": None,
            "graceful_timeout": 20,
            "timeout": 60,
            "post_fork": exit_with_the_master,
            # gunicorn's control socket defaults to one path per user ($HOME/.gunicorn/gunicorn.ctl),
            # which every instance on the machine would take from the others; nothing here uses it.
            "control_socket_disable": True,
        },
    ).run()
