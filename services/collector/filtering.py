"""Filtering rules: which builds of each Fuel release count in the statistics.

Development and test builds report too; their installations are stored but marked *filtered*, and
reports and exports leave them out unless asked. docs/filtering.md describes the rules file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from fuelstats_common.settings import ConfigurationError


class AcceptedBuild(BaseModel):
    """One accepted build: by build id or by the exact set of Fuel packages, optionally from a date on."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    build_id: str | None = None
    packages: frozenset[str] | None = None
    # Installations first reported before this day ran the build before its release: tests.
    since: dt.date | None = None

    @model_validator(mode="after")
    def _names_a_build(self) -> AcceptedBuild:
        if (self.build_id is None) == (self.packages is None):
            raise ValueError("give exactly one of build_id and packages")
        return self

    def matches(self, build_id: str | None, packages: frozenset[str] | None, reported_on: dt.date) -> bool:
        if self.since is not None and reported_on < self.since:
            return False
        if self.build_id is not None:
            return build_id == self.build_id
        return packages == self.packages


class ReleaseRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    accept: Literal["all", "none"] | tuple[AcceptedBuild, ...]


class FilteringRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    releases: Mapping[str, ReleaseRule] = {}
    other_releases: Literal["all", "none"] = "all"

    def _accept(self, structure: Mapping[str, Any]) -> Literal["all", "none"] | tuple[AcceptedBuild, ...]:
        fuel_release = structure.get("fuel_release") or {}
        rule = self.releases.get(str(fuel_release.get("release")))
        return rule.accept if rule is not None else self.other_releases

    def depends_on_date(self, structure: Mapping[str, Any]) -> bool:
        """Whether the day the installation was first reported may change ``is_filtered``'s answer."""
        accept = self._accept(structure)
        return not isinstance(accept, str) and any(build.since is not None for build in accept)

    def is_filtered(self, structure: Mapping[str, Any], reported_on: dt.date) -> bool:
        """True when the installation's build does not count in the statistics."""
        fuel_release = structure.get("fuel_release") or {}
        accept = self._accept(structure)
        if accept == "all":
            return False
        if accept == "none":
            return True
        packages = structure.get("fuel_packages")
        package_set = frozenset(packages) if isinstance(packages, list) else None
        build_id = fuel_release.get("build_id")
        return not any(build.matches(build_id, package_set, reported_on) for build in accept)


def release_of(structure: Mapping[str, Any]) -> str | None:
    release = (structure.get("fuel_release") or {}).get("release")
    return str(release) if release is not None else None


def load_rules(path: Path) -> FilteringRules:
    """Read the rules file; a missing or malformed one is a configuration error."""
    try:
        raw = yaml.safe_load(path.read_text()) or {}
    except OSError as error:
        raise ConfigurationError(f"filtering rules {path}: {error.strerror}") from None
    except yaml.YAMLError as error:
        reason = " ".join(str(error).split())
        raise ConfigurationError(f"filtering rules {path}: not YAML ({reason})") from None
    try:
        return FilteringRules.model_validate(raw)
    except ValidationError as error:
        # Of the errors of each branch of a union, the deepest one says best what is wrong.
        deepest = max(error.errors(), key=lambda item: len(item["loc"]))
        where = ".".join(str(part) for part in deepest["loc"] if not str(part).startswith("tuple["))
        raise ConfigurationError(f"filtering rules {path}: {where}: {deepest['msg']}") from None
