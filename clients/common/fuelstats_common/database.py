"""PostgreSQL URLs as every fuel-stats program uses them: always through psycopg2."""

from __future__ import annotations

from sqlalchemy import URL, make_url


def with_driver(url: str) -> URL:
    """The URL with psycopg2 as its driver: a bare postgresql:// means psycopg 3 to SQLAlchemy 2.1."""
    parsed = make_url(url)
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg2")
    return parsed
