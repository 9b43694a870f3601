"""The files fuel-stats ships beside its code, found with importlib.resources wherever it is installed.

The OpenAPI documents and their JSON Schemas (`openapi/`), the filtering rules
(`config/filtering_rules.yaml`) and the web UI (`ui/static/`, with the Chart.js files `make setup`
vendors into it) keep their places in the repository. The links in this folder point at them: an
editable install reads them where they are, and a wheel (`make dist`) carries copies of them as
package data of `fuelstats.resources`. Nothing is looked up through the repository's root.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _path(name: str) -> Path:
    resource = files(__name__) / name
    # Prance resolves $refs between files and Starlette serves a folder: both need real paths.
    if not isinstance(resource, Path):
        raise RuntimeError(f"fuelstats is installed zipped: {name} needs a real file (pip installs it unpacked)")
    return resource


def openapi_dir() -> Path:
    """The folder of the OpenAPI documents (`collector.yaml`, `analytics.yaml`) and their `schemas/`."""
    return _path("openapi")


def filtering_rules() -> Path:
    """The filtering rules file fuel-stats ships (docs/filtering.md)."""
    return _path("filtering_rules.yaml")


def web_ui_dir() -> Path:
    """The analytics web UI's files: `index.html`, its modules, and `vendor/`."""
    return _path("ui")
