"""PostgreSQL as every fuel-stats program uses it: always through psycopg2, and errors that name the database.

A connection that fails raises an error that says why but not where; a person who reads it on a
terminal needs both. Every engine of the process (this module is imported wherever one is made)
therefore marks its errors with its URL, password hidden, and `describe_database_error` makes the
one line that `fuelstats` and `fuelstats-master` print instead of a traceback.
"""

from __future__ import annotations

from sqlalchemy import URL, Engine, event, make_url
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DBAPIError, OperationalError

from fuelstats_common.sanitize import hide_url_passwords

# The attribute of an SQLAlchemy error that holds the URL (password hidden) of the engine that raised it.
_DATABASE_URL = "fuelstats_database_url"


def with_driver(url: str) -> URL:
    """The URL with psycopg2 as its driver: a bare postgresql:// means psycopg 3 to SQLAlchemy 2.1."""
    parsed = make_url(url)
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg2")
    return parsed


def shown_url(url: URL | str) -> str:
    """A database URL as a person may see it: without its password, and as they wrote it (no driver)."""
    parsed = make_url(url).set(drivername=make_url(url).get_backend_name())
    return hide_url_passwords(parsed.render_as_string(hide_password=False))


@event.listens_for(Engine, "handle_error")
def _name_the_database(context: ExceptionContext) -> None:
    # Connecting, pinging and querying all come here, on every engine of the process.
    if context.engine is not None and context.sqlalchemy_exception is not None:
        setattr(context.sqlalchemy_exception, _DATABASE_URL, shown_url(context.engine.url))


def database_url_of(error: BaseException) -> str | None:
    """The URL (password hidden) of the database an SQLAlchemy error came from; None when no engine named it."""
    return getattr(error, _DATABASE_URL, None)


def describe_database_error(error: BaseException) -> str | None:
    """One line naming the database and what went wrong, for an error that means the database cannot
    be used (unreachable, refusing us, gone mid-way); None for any other error."""
    if not isinstance(error, DBAPIError) or not (isinstance(error, OperationalError) or error.connection_invalidated):
        return None
    where = database_url_of(error) or "the database"
    reason = str(error.orig if error.orig is not None else error).strip().splitlines()
    return f"PostgreSQL at {where}: {reason[0] if reason else type(error).__name__}"
