"""What the collector's handlers share within one process: the database engine and the rules."""

from __future__ import annotations

import functools

from sqlalchemy import Engine

from fuelstats.collector.filtering import FilteringRules, load_rules
from fuelstats.collector.settings import get_settings
from fuelstats.core.database import engine_for


def collector_engine() -> Engine:
    return engine_for(get_settings().require_database_url())


@functools.cache
def filtering_rules() -> FilteringRules:
    return load_rules(get_settings().filtering_rules)
