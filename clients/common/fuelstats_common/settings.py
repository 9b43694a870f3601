"""How every fuel-stats program reads its settings: ``FUELSTATS_*`` environment variables, by pydantic-settings.

Each program (the collector, the ETL, the analytics, the master node kit) has one model of its own
and reads only its own variables; the pieces several of them share (the log level here, a database
URL's check) are defined once and composed into those models by inheritance.

A malformed value stops the program with one line that names the variable. So does a
``FUELSTATS_*`` variable that is no setting of any fuel-stats program installed here (a typo would
otherwise be ignored silently), with the nearest known name as a suggestion. A variable of another
program is not refused: the machine may run several, from one environment. Which programs exist is
what the installed distributions declare under the entry point group ``fuelstats.settings``, so the
kit never has to know the services' settings, nor the services the kit's.
"""

from __future__ import annotations

import difflib
import functools
import os
from collections.abc import Iterable, Mapping
from importlib.metadata import entry_points
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from fuelstats_common.logs import LogFormat
from fuelstats_common.sanitize import SANITIZED, names_credential

ENV_PREFIX = "FUELSTATS_"
# Each fuel-stats distribution names its programs' settings models here (pyproject.toml).
PROGRAMS_ENTRY_POINTS = "fuelstats.settings"


class ConfigurationError(Exception):
    """A setting is missing or malformed; the message is one line meant for a person."""


def _parses_as_database_url(value: str) -> str:
    try:
        make_url(value)
    except ArgumentError as error:
        raise ValueError(f"not an SQLAlchemy URL ({error})") from None
    return value


def _known_log_level(value: str) -> str:
    level = value.upper()
    if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
        raise ValueError("must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
    return level


DatabaseUrl = Annotated[str, AfterValidator(_parses_as_database_url)]
LogLevel = Annotated[str, AfterValidator(_known_log_level)]


class ProgramSettings(BaseSettings):
    """What every program reads; each program's model adds its own."""

    # extra="ignore": the environment holds other programs' variables; load_settings refuses typos.
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, frozen=True, extra="ignore")

    log_level: LogLevel = Field(default="INFO", description="Python logging level name.")
    log_format: LogFormat = Field(
        default="auto", description="json, console (lines for people), or auto: console on a terminal, else JSON."
    )


def variable_name(field: str) -> str:
    return ENV_PREFIX + field.upper()


def variables_of(model: type[BaseSettings]) -> frozenset[str]:
    return frozenset(variable_name(field) for field in model.model_fields)


@functools.cache
def known_variables() -> frozenset[str]:
    """Every variable of every fuel-stats program installed in this environment."""
    known: set[str] = set()
    for entry in entry_points(group=PROGRAMS_ENTRY_POINTS):
        try:
            known |= variables_of(entry.load())
        except ImportError:
            continue  # a distribution half uninstalled: its names are simply not known
    return frozenset(known)


def unknown_variables(environ: Mapping[str, str], known: Iterable[str]) -> list[str]:
    known = frozenset(known)
    return sorted(name for name in environ if name.upper().startswith(ENV_PREFIX) and name.upper() not in known)


def _refusal(unknown: list[str], known: frozenset[str]) -> str:
    # Compared without the prefix, which every name shares and which would make any two look alike.
    suffixes = {name[len(ENV_PREFIX):]: name for name in known}
    named = []
    for name in unknown:
        close = difflib.get_close_matches(name.upper()[len(ENV_PREFIX):], sorted(suffixes), n=1)
        named.append(f"{name} (did you mean {suffixes[close[0]]}?)" if close else name)
    return f"unknown setting{'s' if len(named) > 1 else ''} {', '.join(named)}"


S = TypeVar("S", bound=ProgramSettings)


def load_settings(model: type[S]) -> S:
    """Read and check ``model``'s settings from the environment; raise ConfigurationError with a one-line reason."""
    known = known_variables() | variables_of(model)
    unknown = unknown_variables(os.environ, known)
    if unknown:
        raise ConfigurationError(_refusal(unknown, known))
    try:
        return model()
    except ValidationError as error:
        first = error.errors()[0]
        name = variable_name(str(first["loc"][0])) if first["loc"] else model.__name__
        value: Any = SANITIZED if names_credential(name) else first.get("input")
        raise ConfigurationError(f"{name}={value!r}: {first['msg']}") from None


@functools.cache
def settings_of(model: type[S]) -> S:
    """The process's settings of ``model``, read once (tests clear the cache: ``settings_of.cache_clear()``)."""
    return load_settings(model)
