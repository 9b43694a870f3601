"""The bounded forms of free-form parts (services/etl/bounds.py). Pure functions: no servers."""

from __future__ import annotations

import json

import orjson
import pytest

from fuelstats.etl import bounds


def objects(levels: int, leaf: object = 1) -> object:
    value = leaf
    for _ in range(levels):
        value = {"a": value}
    return value


def arrays(levels: int, leaf: object = 1) -> object:
    value = leaf
    for _ in range(levels):
        value = [value]
    return value


def test_what_is_within_bounds_is_left_as_it_is():
    value = {"a": objects(bounds.FLATTENED_DEPTH - 1), "b": arrays(bounds.MAX_LEVELS - 2), "k" * 256: "x" * 5000}
    assert bounds.flattened(value) is value


def test_objects_deeper_than_elasticsearch_flattens_become_their_text():
    # The field's object is the first level, the list does not count (as in Elasticsearch): the
    # objects in it are levels 2 to 23.
    cut = bounds.flattened({"list": [objects(bounds.FLATTENED_DEPTH + 2)]})
    level = cut["list"][0]
    for _ in range(bounds.FLATTENED_DEPTH - 2):
        level = level["a"]
    assert level == {"a": '{"a":{"a":{"a":1}}}'}  # level 20, holding 21 to 23 as text


def test_arrays_deeper_than_the_levels_kept_become_their_text():
    cut = bounds.flattened(arrays(bounds.MAX_LEVELS + 1))
    for _ in range(bounds.MAX_LEVELS):
        cut = cut[0]
    assert cut == "[1]"
    # Deeper than any JSON writer goes: a marker, never an error.
    cut = bounds.flattened(arrays(5000))
    for _ in range(bounds.MAX_LEVELS):
        cut = cut[0]
    assert cut == bounds.TOO_DEEP_TO_WRITE


def test_long_keys_are_cut_and_kept_apart():
    long_a, long_b = "k" * 40_000 + "a", "k" * 40_000 + "b"
    cut = bounds.flattened({long_a: 1, long_b: 2, "short": 3})
    assert len(cut) == 3 and cut["short"] == 3
    assert all(len(key) <= bounds.MAX_KEY_CHARS for key in cut)
    assert sorted(cut.values()) == [1, 2, 3]


@pytest.mark.parametrize(("value", "bounded"), [
    ({"request": {"networks": [{"name": f"n{i}", "meta": {"cidr": "10.0.0.0/24"}} for i in range(30)]}}, False),
    ({"message": "x" * 600, "quoted": 'a"b' * 200}, False),
    (objects(bounds.FLATTENED_DEPTH + 1), True),
    ({"k" * 300: 1}, True),
    ({'a"' * 200: 1}, True),  # escaped quotes do not hide a long key
    ({"deep": arrays(bounds.MAX_LEVELS + 1)}, True),
])
def test_json_text_is_decoded_only_when_it_needs_bounding(value, bounded):
    text = json.dumps(value)
    result = bounds.flattened_json(text)
    if bounded:
        assert isinstance(result, dict) and result != value
    else:
        assert isinstance(result, orjson.Fragment) and orjson.loads(orjson.dumps(result)) == value


def test_nested_lists_are_capped_and_the_rest_counted():
    cap = bounds.NESTED_CAPS["nodes"]
    assert bounds.capped("nodes", list(range(cap))) == (list(range(cap)), 0)
    kept, omitted = bounds.capped("nodes", list(range(cap + 5)))
    assert kept == list(range(cap)) and omitted == 5
