"""Serve a fuel-stats ASGI app with gunicorn and uvicorn workers, logging JSON lines."""

from __future__ import annotations

import importlib
import logging
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
        },
    ).run()
