"""Structured logging: every fuel-stats program logs through structlog to stderr.

Under a service manager or in a pipe, each record is one JSON object per line (journald, log
shippers and the tests read them). On a terminal, a person reads them: structlog's console lines
instead. FUELSTATS_LOG_FORMAT forces either.
"""

from __future__ import annotations

import logging
import sys
from typing import Literal

import structlog

LogFormat = Literal["auto", "json", "console"]


def _renderer(log_format: LogFormat) -> structlog.typing.Processor:
    terminal = sys.stderr.isatty()
    if log_format == "console" or (log_format == "auto" and terminal):
        return structlog.dev.ConsoleRenderer(colors=terminal)  # no colour codes in a file
    return structlog.processors.JSONRenderer()


def configure_logging(level: str = "INFO", log_format: LogFormat = "auto") -> None:
    """Route structlog and the standard library's logging (gunicorn, alembic, ...) to stderr, as JSON
    lines or, on a terminal (``auto``), as console lines."""
    shared: list[structlog.typing.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    renderer = _renderer(log_format)
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[*shared, structlog.stdlib.ExtraAdder()],
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            # The console renderer shows a traceback its own way; JSON needs it as a string.
            *([] if isinstance(renderer, structlog.dev.ConsoleRenderer) else [structlog.processors.format_exc_info]),
            renderer,
        ],
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # Connexion logs every validation failure at INFO; our request line already tells the outcome.
    logging.getLogger("connexion").setLevel(max(logging.WARNING, root.level))
    # The Elasticsearch client logs every HTTP request at INFO, and each retry of one as a warning with a
    # traceback; what the retries come to is ours to log (a 503, a line per wait, a command's one line).
    logging.getLogger("elastic_transport").setLevel(max(logging.ERROR, root.level))
    # Alembic announces each of its plugins at INFO on every command.
    logging.getLogger("alembic.runtime.plugins").setLevel(max(logging.WARNING, root.level))
