"""The bounded forms of what a master node sent, so that Elasticsearch accepts every document.

The collector stores free-form parts as sent (within its own limits, docs/collector.md), but
Elasticsearch refuses a document whose flattened field nests more than 20 objects, whose flattened
key is longer than a Lucene term, or which holds more than 10,000 nested documents. One such
document used to stop its stream for good. Documents get these forms instead (docs/etl.md):

- flattened fields (cluster attributes, OSWL resources, additional info): an object deeper than
  ``FLATTENED_DEPTH`` objects, or any part deeper than ``MAX_LEVELS`` arrays and objects, becomes
  its JSON text (a keyword: indexed up to 1024 characters, always kept in ``_source``); a key
  longer than ``MAX_KEY_CHARS`` is cut and told apart from others by a hash of the whole;
- nested lists (a cluster's nodes and plugins, a health check's tests): the first ``NESTED_CAPS``
  items, and how many were left out in ``<field>_omitted``.

PostgreSQL keeps everything as sent; exports and the private API read it from there.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

import orjson

from fuelstats.core.jsondepth import nesting_depth

FLATTENED_DEPTH = 20  # Elasticsearch's default depth_limit of a flattened field: objects within objects
MAX_LEVELS = 64  # arrays and objects within each other, at most (the collector's limit for a whole body)
# 20 keys of 256 characters (4 bytes each at most) and a value of 1024 stay under Lucene's 32766-byte term.
MAX_KEY_CHARS = 256
# Per document at most 10,000 nested documents (index.mapping.nested_objects.limit); Fuel environments
# have hundreds of nodes, a few plugins and about a hundred health checks.
NESTED_CAPS = {"nodes": 2000, "plugins": 500, "health_checks": 2000}
TOO_DEEP_TO_WRITE = "<nested too deep to index: see the row in PostgreSQL>"

_KEY_CUT = MAX_KEY_CHARS - 17  # room for "~" and 16 hex digits of the key's hash
_LONG_PIECE = re.compile(r'"[^"]{%d}' % (MAX_KEY_CHARS + 1))


def flattened(value: Any) -> Any:
    """``value`` as a flattened field takes it: ``value`` itself when it is within bounds."""
    return _bounded(value, objects=0, levels=0)


def flattened_json(text: str) -> Any:
    """The JSON text of a flattened field (as PostgreSQL gives it) ready for a document: the text
    itself (an orjson Fragment, never decoded) when it is within bounds, which cheap counts on the
    text tell for almost every row; else its bounded form."""
    if (text.count("{") > FLATTENED_DEPTH and nesting_depth(text.encode(), give_up_above=FLATTENED_DEPTH,
                                                            objects_only=True) > FLATTENED_DEPTH) \
            or (text.count("[") > MAX_LEVELS and nesting_depth(text.encode(), give_up_above=MAX_LEVELS) > MAX_LEVELS) \
            or _may_hold_a_long_key(text):
        return flattened(orjson.loads(text))
    return orjson.Fragment(text)


def _may_hold_a_long_key(text: str) -> bool:
    """Whether JSON text has a key over MAX_KEY_CHARS. Escaped quotes and backslashes are masked
    first, so that text splits at the quotes of its strings; a long piece is looked for (C speed),
    and only then are the pieces told apart: string contents are every other one, keys those
    followed by ':'."""
    if len(text) <= MAX_KEY_CHARS:
        return False
    if "\\" in text:
        text = text.replace("\\\\", "__").replace('\\"', "__")
    if not _LONG_PIECE.search(text):
        return False
    pieces = text.split('"')
    return any(len(pieces[i]) > MAX_KEY_CHARS and pieces[i + 1].lstrip().startswith(":")
               for i in range(1, len(pieces) - 1, 2))


def capped(field: str, items: list[Any]) -> tuple[list[Any], int]:
    """The first items a nested field holds, and how many were left out."""
    cap = NESTED_CAPS[field]
    return (items, 0) if len(items) <= cap else (items[:cap], len(items) - cap)


def _bounded(value: Any, *, objects: int, levels: int) -> Any:
    if isinstance(value, dict):
        if objects == FLATTENED_DEPTH or levels == MAX_LEVELS:
            return _as_text(value)
        bounded = {_key(key): _bounded(item, objects=objects + 1, levels=levels + 1) for key, item in value.items()}
        unchanged = len(bounded) == len(value) and all(
            key in value and bounded[key] is value[key] for key in bounded)
        return value if unchanged else bounded
    if isinstance(value, list):
        if levels == MAX_LEVELS:
            return _as_text(value)
        items = [_bounded(item, objects=objects, levels=levels + 1) for item in value]
        return value if all(new is old for new, old in zip(items, value, strict=True)) else items
    return value


def _key(key: str) -> str:
    if len(key) <= MAX_KEY_CHARS:
        return key
    return f"{key[:_KEY_CUT]}~{hashlib.sha256(key.encode(errors='surrogatepass')).hexdigest()[:16]}"


def _as_text(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (RecursionError, ValueError):
        return TOO_DEEP_TO_WRITE
