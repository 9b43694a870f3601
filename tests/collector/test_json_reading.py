"""Bodies read by orjson (fuelstats.core.jsontext) come out as the json module reads them, errors alike.

The reference is the collector's reading before orjson: the json module with NaN, Infinity and
out-of-range numbers refused, the nesting depth checked first, unstorable strings refused after.
"""

from __future__ import annotations

import asyncio
import codecs
import json
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuelstats.core import jsontext, web
from fuelstats.core.errors import Refused


def reference(raw: bytes) -> tuple[str, Any]:
    """What the collector made of a UTF-8 body with the json module alone."""
    if not raw.strip():
        return ("none", None)
    try:
        text = raw.decode("utf-8")
        web.check_json_depth(raw)
        # The json module's path, with its rules for constants and floats as before orjson.
        body = json.loads(text, parse_constant=web._refuse_constant, parse_float=web._finite_float)
        web.check_storable(body)
    except (UnicodeDecodeError, ValueError) as error:
        return ("refused", f"request body is not valid JSON: {error}", "json-syntax", "$")
    except Refused as refused:
        return ("refused", refused.message, refused.rule, refused.path)
    return ("none", None) if body is None else ("read", body)


def served(raw: bytes) -> tuple[str, Any]:
    validator = web.JSONBodyValidator(schema={}, required=True, nullable=False, encoding="utf-8",
                                      strict_validation=True)

    async def stream() -> Any:
        yield raw

    scope: dict[str, Any] = {}
    try:
        body = asyncio.run(validator._parse(stream(), scope))
    except Refused as refused:
        return ("refused", refused.message, refused.rule, refused.path)
    return ("none", None) if body is None else ("read", body)


def same(left: Any, right: Any) -> bool:
    """Equal, and of the same types all the way down (1 and 1.0 and True are not the same body)."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return list(left) == list(right) and all(same(left[key], right[key]) for key in left)
    if isinstance(left, list):
        return len(left) == len(right) and all(same(a, b) for a, b in zip(left, right, strict=True))
    if isinstance(left, float):
        return math.copysign(1, left) == math.copysign(1, right) and left == right
    return bool(left == right)


NUMBERS = ["0", "-0", "-0.0", "1.0", "1e2", "1E-2", "2.5e-400", "1e308", "1e309", "-1e400", "9223372036854775807",
           "9223372036854775808", "18446744073709551615", "18446744073709551616", "-9223372036854775809",
           "123456789012345678901234567890", "0.1000000000000000055511151231257827", "5e-324", "NaN", "Infinity",
           "-Infinity", "01", "1.", ".5", "+1", "4" * 5000]
STRINGS = ['"a"', '"\\u0000"', '"\\ud800"', '"\\udc00x"', '"\\ud83d\\ude00"', '"\\u00e9"', '"é"', '"\\""', '"\\\\u0000"',
           '"\\/"', '"\x01"', '"tab\\t"', '"\\x"']
TOKENS = NUMBERS + STRINGS + ["true", "false", "null", "[]", "{}"]


@st.composite
def json_texts(draw: st.DrawFn) -> bytes:
    def value(depth: int) -> str:
        kind = draw(st.integers(0, 3 if depth < 4 else 0))
        if kind == 0:
            return draw(st.sampled_from(TOKENS))
        if kind == 1:
            return "[" + ", ".join(value(depth + 1) for _ in range(draw(st.integers(0, 3)))) + "]"
        keys = [draw(st.sampled_from(['"a"', '"b"', '"a"', '"\\u0061"', '"k\\u0000"'])) for _ in range(
            draw(st.integers(0, 3)))]
        return "{" + ",".join(f"{key}: {value(depth + 1)}" for key in keys) + "}"

    text = value(0).encode()
    mutation = draw(st.integers(0, 6))
    if mutation == 1:
        text = codecs.BOM_UTF8 + text
    elif mutation == 2:
        text = b" \n\t" + text + b"\r\n "
    elif mutation == 3:
        text = text + b"\x0c"
    elif mutation == 4 and text:
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b",", b"]"])) + text[cut:]
    elif mutation == 5:
        text = b"[" * 70 + text + b"]" * 70
    return text


@settings(max_examples=600, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck), database=None)
@given(json_texts())
def test_a_body_is_read_as_the_json_module_reads_it(raw: bytes):
    expected, got = reference(raw), served(raw)
    assert expected[0] == got[0], (raw, expected, got)
    if expected[0] == "read":
        assert same(expected[1], got[1]), (raw, expected, got)
    else:
        assert expected == got, raw


@pytest.mark.parametrize("raw", [b"18446744073709551616", b"[1e400]", b'"\\ud800"', b"\xef\xbb\xbf{}",
                                 b'{"a": 12345678901234567890}'])
def test_orjson_hands_over_what_it_may_read_otherwise(raw: bytes):
    with pytest.raises(jsontext.Undecided):
        jsontext.loads(raw)


@pytest.mark.parametrize("value", [{"a": 2**64, "b": [1.5, None, "é"]}, {"big": -(2**70)}, [0.1, 1e300, -0.0, True]])
def test_dumps_writes_what_the_json_module_writes(value: Any):
    assert same(json.loads(jsontext.dumps(value)), json.loads(json.dumps(value)))


# --- answers written by orjson (web.FastJsonifier) -------------------------------------------------

@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                              st.text()),
                    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(), inner, max_size=4)),
                    max_leaves=20))
def test_answers_written_by_orjson_read_as_connexions_do(value):
    from connexion.jsonifier import Jsonifier

    written = web.FastJsonifier().dumps(value)
    assert written.endswith("\n")
    assert json.loads(written) == json.loads(Jsonifier().dumps(value))


def test_what_orjson_would_write_otherwise_is_left_to_connexion():
    import datetime as dt
    import decimal

    from connexion.jsonifier import Jsonifier

    for value in ({"at": dt.datetime(2026, 11, 28, 12, 0)}, {"on": dt.date(2026, 11, 28)}, {"n": decimal.Decimal("1.5")},
                  {"big": 2**70}):
        assert web.FastJsonifier().dumps(value) == Jsonifier().dumps(value)
