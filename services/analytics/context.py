"""What the analytics handlers share within one process."""

from __future__ import annotations

import functools

from sqlalchemy import Engine

from fuelstats.analytics.accounts import LoginPolicy
from fuelstats.analytics.queries import Queries
from fuelstats.analytics.settings import get_settings
from fuelstats.core.database import engine_for
from fuelstats.core.elastic import connect

# A report waits this long for Elasticsearch, then answers 503: never a hang.
SEARCH_TIMEOUT_SECONDS = 10


@functools.cache
def queries() -> Queries:
    settings = get_settings()
    return Queries(connect(settings.elasticsearch_url, request_timeout=SEARCH_TIMEOUT_SECONDS, max_retries=1),
                   settings.index_prefix)


def collector_engine() -> Engine:
    """The collector's database for exports: its replica when there is one."""
    return engine_for(get_settings().read_database_url)


def primary_engine() -> Engine:
    """The collector's primary database: where the ETL keeps its checkpoints, and where the private part
    writes its one thing, a master key's reset."""
    return engine_for(get_settings().require_database_url())


def accounts_engine() -> Engine:
    """The analytics' own database: accounts, sessions, tokens, the audit trail."""
    return engine_for(get_settings().require_analytics_database_url())


def login_policy() -> LoginPolicy:
    settings = get_settings()
    return LoginPolicy(session_lifetime=settings.session_lifetime, idle_timeout=settings.session_idle_timeout,
                       account_failures=settings.login_account_failures,
                       address_failures=settings.login_address_failures, lockout=settings.login_lockout)
