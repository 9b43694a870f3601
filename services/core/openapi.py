"""The OpenAPI documents: openapi/*.yaml and the JSON Schemas they reference, resolved by prance."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prance import ResolvingParser


def load_spec(path: Path) -> dict[str, Any]:
    """The document with every $ref to openapi/schemas/ resolved, validated as OpenAPI 3."""
    parser = ResolvingParser(str(path), backend="openapi-spec-validator", strict=True)
    return parser.specification
