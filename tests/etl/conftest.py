from __future__ import annotations

import itertools

import pytest

from fuelstats.core.database import engine_for
from fuelstats.etl.pipeline import Etl

_prefixes = itertools.count()


@pytest.fixture
def prefix() -> str:
    """Indices of one test: test-0-..., test-1-...; the es fixture removes them."""
    return f"test-{next(_prefixes)}"


@pytest.fixture
def etl(engine, es, prefix, database_url) -> Etl:  # type: ignore[no-untyped-def]
    pipeline = Etl(primary=engine, reader=engine_for(database_url), es=es, prefix=prefix, batch_size=100)
    pipeline.prepare()
    return pipeline
