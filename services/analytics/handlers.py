"""The analytics operations, named by operationId in openapi/analytics.yaml."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fuelstats.analytics import reports
from fuelstats.analytics.context import queries
from fuelstats.analytics.queries import Filters

Json = dict[str, Any]


def _filters(release: str | None, from_: str | None, to: str | None, include_filtered: bool) -> Filters:
    return Filters(
        release=release,
        since=dt.date.fromisoformat(from_) if from_ else None,
        until=dt.date.fromisoformat(to) if to else None,
        include_filtered=include_filtered,
    )


def list_reports() -> Json:
    return reports.listing()


def get_report(name: str, release: str | None = None, from_: str | None = None, to: str | None = None,
               include_filtered: bool = False) -> Json:
    return reports.report(queries(), name, _filters(release, from_, to, include_filtered))


def get_summary(release: str | None = None, from_: str | None = None, to: str | None = None,
                include_filtered: bool = False) -> Json:
    return reports.summary(queries(), _filters(release, from_, to, include_filtered))
