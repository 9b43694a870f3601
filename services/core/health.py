"""Health: whether a program is alive, and whether what it depends on answers (readiness).

/healthz says the process serves; nothing else is asked, so a database outage never makes a
supervisor restart a service that would only wait for the database again. /readyz asks each
dependency, the database and Elasticsearch, whether it answers, all at once and for at most
FUELSTATS_READINESS_TIMEOUT seconds: a probe never hangs, whatever the network does. A dependency
that does not answer is named in the 503's body; why (its URL, password hidden, and the cause)
goes to the log only, since the collector's /readyz is public.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

import structlog
from elasticsearch import Elasticsearch
from sqlalchemy import Engine, create_engine
from sqlalchemy.pool import NullPool

from fuelstats.core.elastic import connect
from fuelstats_common.commands import root_cause
from fuelstats_common.database import shown_url, with_driver
from fuelstats_common.sanitize import hide_url_passwords

log = structlog.get_logger("fuelstats.health")

OK, UNAVAILABLE, TIMEOUT = "ok", "unavailable", "timeout"

# Checks that hang past their timeout keep their thread; a few threads bound what a blackholed
# network can pile up (later checks then time out in the queue).
_checks = ThreadPoolExecutor(max_workers=4, thread_name_prefix="readiness")


def alive() -> dict[str, str]:
    """GET /healthz of every service: answering is the whole check."""
    return {"status": "ok"}


@dataclass(frozen=True)
class Dependency:
    name: str  # as the 503 names it: database, replica, elasticsearch
    shown_url: str  # for the log, password hidden
    check: Callable[[float], None]  # raises when the dependency does not answer within the seconds given


@functools.cache
def _probe_engine(url: str, timeout: float) -> Engine:
    # A connection of its own per probe (no pool): a pooled one could hide a server that stopped
    # accepting new ones. libpq waits whole seconds, at least 2.
    return create_engine(with_driver(url), poolclass=NullPool,
                         connect_args={"connect_timeout": max(2, math.ceil(timeout))})


def database(url: str, name: str = "database") -> Dependency:
    """PostgreSQL answers when it accepts a connection: it is up, lets us in and has the database."""

    def check(timeout: float) -> None:
        with _probe_engine(url, timeout).connect():
            pass

    return Dependency(name, shown_url(url), check)


@functools.cache
def _probe_client(url: str, timeout: float) -> Elasticsearch:
    return connect(url, request_timeout=timeout, max_retries=0)


def elasticsearch(url: str) -> Dependency:
    """Elasticsearch answers when it tells its cluster's health (whatever the colour): it is up and lets us in."""

    def check(timeout: float) -> None:
        _probe_client(url, timeout).cluster.health()

    return Dependency("elasticsearch", hide_url_passwords(url), check)


def readiness(dependencies: Sequence[Dependency], timeout: float) -> tuple[dict[str, Any], int]:
    """Ask every dependency at once; 200 when all answered in time, else 503 naming those that did not."""
    futures = [(dependency, _checks.submit(dependency.check, timeout)) for dependency in dependencies]
    wait([future for _, future in futures], timeout=timeout)
    checks = {}
    for dependency, future in futures:
        if not future.done():
            checks[dependency.name] = TIMEOUT
            log.warning("not ready", dependency=dependency.name, url=dependency.shown_url,
                        error=f"no answer within {timeout} seconds")
        elif (error := future.exception()) is not None:
            checks[dependency.name] = UNAVAILABLE
            log.warning("not ready", dependency=dependency.name, url=dependency.shown_url, error=root_cause(error))
        else:
            checks[dependency.name] = OK
    failing = [f"{name} {state}" for name, state in checks.items() if state != OK]
    if not failing:
        return {"status": "ok", "checks": checks}, 200
    return {"status": "error", "message": f"not ready: {', '.join(failing)}", "checks": checks}, 503
