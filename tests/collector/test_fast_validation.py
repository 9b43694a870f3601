"""The fast validator (jsonschema-rs on the translated schema) gives the Python validator's verdicts.

Bodies are generated from each schema of the collector's spec by hypothesis, near the edges of what
the schema allows: every field conforming or not (null where a field is nullable or not, integers
at and past 64 bits, floats where integers go, strings that a pattern's ``$`` or ``\\s`` reads
differently in Rust, dates that do not exist, unknown fields). For each, the fast verdict must be
the Python validator's, and what a request gets (its body accepted, or the error's message, rule
and path) must be what the Python validator alone would give.
"""

from __future__ import annotations

from typing import Any

import pytest
from connexion.json_schema import Draft4RequestValidator
from connexion.operations import OpenAPIOperation
from connexion.resolver import Resolver
from connexion.spec import Specification
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema.exceptions import best_match

from fuelstats import resources
from fuelstats.core import web
from fuelstats.core.errors import Refused
from fuelstats.core.openapi import load_spec

EDGE_NUMBERS = [0, -1, 1, 1.0, 0.5, -0.0, 2**31, 2**53 + 1, 2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 2**64, 2**70,
                9.223372036854776e18, 1e300, -1e300]
EDGE_STRINGS = ["", "x", "a\n", "a@b", "a@b\n", "a\x1cb@c", "a\u00a0b@c", "a\ufeffb@c", " a@b", "@", "a@@b",
                "2026-11-20", "2026-02-30", "2026-11-20T10:00:00", "20261120", "14:43:48.123456", "24:00:00",
                "14:43:48Z", "14:43:48+16:00", "14:43:48.1234567", "14:43:48\n", "\u0663\u0663:00:00",
                "3d0b8f5e-7f3c-4e5f-9d1c-cc5b8a9d2e10", "3d0b8f5e-7f3c-4e5f-9d1c-cc5b8a9d2e10\n",
                "A" * 43, "A" * 43 + "\n", "A" * 42 + "=", "http_request", "nailgun_task", "ok", "error", "\U0001F600"]


def edge_values(depth: int) -> st.SearchStrategy[Any]:
    scalars = st.one_of(st.none(), st.booleans(), st.sampled_from(EDGE_NUMBERS), st.integers(), st.floats(
        allow_nan=False, allow_infinity=False), st.sampled_from(EDGE_STRINGS), st.text(max_size=8))
    if depth <= 0:
        return scalars
    inner = edge_values(depth - 1)
    return st.one_of(scalars, st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=4), inner, max_size=3))


def near(schema: Any, depth: int = 6, *, wild: bool = True) -> st.SearchStrategy[Any]:
    """Values that follow ``schema`` most of the way: their numbers and strings at the edges of what it
    allows and, when ``wild``, one part in eight or so anything at all."""
    anything = st.one_of(st.none(), edge_values(2))
    if not isinstance(schema, dict) or depth <= 0:
        return anything
    choices: list[st.SearchStrategy[Any]] = []
    types = schema.get("type")
    types = types if isinstance(types, list) else [types] if types else []
    if "enum" in schema:
        choices.append(st.sampled_from(schema["enum"]))
    elif "object" in types or "properties" in schema:
        properties = schema.get("properties", {})
        required = [name for name in schema.get("required", []) if name in properties]
        others = {name: sub for name, sub in properties.items() if name not in required}
        fixed = st.fixed_dictionaries({name: near(properties[name], depth - 1, wild=wild) for name in required},
                                      optional={name: near(sub, depth - 1, wild=wild) for name, sub in others.items()})
        extra = st.dictionaries(st.sampled_from(["extra", *properties]), anything, max_size=1)
        choices.append(fixed)
        choices.append(st.builds(lambda known, more: {**more, **known}, fixed, extra))
    elif "array" in types or "items" in schema:
        choices.append(st.lists(near(schema.get("items", {}), depth - 1, wild=wild), max_size=3))
    elif "string" in types:
        if "pattern" in schema:
            choices.append(st.from_regex(schema["pattern"]))
        choices.append(st.sampled_from(EDGE_STRINGS) if "pattern" in schema or "format" in schema else
                       st.text(min_size=schema.get("minLength", 0), max_size=8))
    elif "integer" in types or "number" in types:
        choices.append(st.integers(min_value=schema.get("minimum"), max_value=schema.get("maximum")))
        choices.append(st.sampled_from(EDGE_NUMBERS))
        if "number" in types:
            choices.append(st.floats(allow_nan=False, allow_infinity=False))
    elif "boolean" in types:
        choices.append(st.booleans())
    if schema.get("nullable"):
        choices.append(st.none())
    if not choices:
        return anything
    conforming = st.one_of(choices)
    return st.integers(0, 7).flatmap(lambda roll: anything if roll == 0 else conforming) if wild else conforming


def schemas_of(spec_name: str) -> dict[str, tuple[dict[str, Any], type]]:
    """Every JSON schema of the spec, request bodies and responses, as Connexion hands them to the
    validators (the spec's components beside each root)."""
    spec = Specification.load(load_spec(resources.openapi_dir() / spec_name))
    found: dict[str, tuple[dict[str, Any], type]] = {}
    for path, operations in spec["paths"].items():
        for method, definition in operations.items():
            if not isinstance(definition, dict):
                continue
            operation = OpenAPIOperation.from_spec(spec, path=path, method=method, resolver=Resolver())
            if definition.get("requestBody"):
                found[f"{method} {path}"] = (operation.body_schema("application/json"), web.JSONBodyValidator)
            for status in definition.get("responses", {}):
                schema = operation.response_schema(status, "application/json")
                if schema:
                    found[f"{method} {path} {status}"] = (schema, web.FastJSONResponseValidator)
    return found


COLLECTOR = schemas_of("collector.yaml")
REQUESTS = {name: schema for name, (schema, kind) in COLLECTOR.items() if kind is web.JSONBodyValidator}


def test_every_schema_of_the_collector_has_a_fast_validator():
    assert REQUESTS and all("components" in schema for schema in REQUESTS.values())
    assert all(web.fast_validator(schema) is not None for schema, _ in COLLECTOR.values())


def python_answer(schema: dict[str, Any], body: Any) -> tuple[str, ...]:
    """What a request with this body gets from the Python validator alone: accepted, or its error."""
    if body is None:  # a body of `null` is no body
        return ("refused", "request body is required", "required", "$")
    error = best_match(Draft4RequestValidator(schema, format_checker=web.FORMATS).iter_errors(body))
    if error is None:
        return ("accepted",)
    refused = web.schema_error(error)
    return ("refused", refused.message, str(refused.rule), str(refused.path))


def served_answer(schema: dict[str, Any], body: Any) -> tuple[str, ...]:
    validator = web.JSONBodyValidator(schema=schema, required=True, nullable=False, encoding="utf-8",
                                      strict_validation=True)
    try:
        validator._validate(body)
    except Refused as refused:
        return ("refused", refused.message, str(refused.rule), str(refused.path))
    return ("accepted",)


@pytest.mark.parametrize("name", sorted(COLLECTOR))
def test_fast_verdicts_are_the_python_validators(name: str):
    schema, _ = COLLECTOR[name]
    fast = web.fast_validator(schema)
    assert fast is not None
    python = Draft4RequestValidator(schema, format_checker=web.FORMATS)

    @settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck), database=None)
    @given(st.one_of(near(schema, wild=False), near(schema)))
    def agree(body: Any) -> None:
        assert fast.is_valid(body) == python.is_valid(body), body
        if name in REQUESTS:
            assert served_answer(schema, body) == python_answer(schema, body), body

    agree()


@pytest.mark.parametrize(("schema", "value", "valid"), [
    ({"type": "string", "nullable": True}, None, True),
    ({"type": "string"}, None, False),
    ({"type": "string", "enum": ["a"], "nullable": True}, None, True),
    ({"type": "string", "enum": ["a"]}, None, False),
    ({"type": "string", "pattern": "^a$"}, "a\n", True),  # Python's $ matches before a final newline
    ({"type": "string", "pattern": "^[^@\\s]+@[^@\\s]+$"}, "a\x1cb@c", False),  # \x1c is whitespace to Python
    ({"type": "integer", "maximum": 9223372036854775807}, 2**63, False),
    ({"type": "integer"}, 1.0, False),
])
def test_the_translation_keeps_the_python_validators_reading(schema, value, valid):
    assert web.fast_validator(schema).is_valid(value) is valid
    assert Draft4RequestValidator(schema, format_checker=web.FORMATS).is_valid(value) is valid


@pytest.mark.parametrize("schema", [{"type": "number", "multipleOf": 0.1}, {"allOf": [{"type": "string"}]},
                                    {"type": "string", "pattern": "a", "format": "date"}, {"$ref": "#/x"},
                                    {"type": "string", "format": "email"}])
def test_a_keyword_the_validators_may_read_differently_leaves_the_python_validator_alone(schema):
    assert web.fast_validator(schema) is None
