"""What every fuel-stats HTTP service shares: its error shape, request log and body limit.

Errors keep the v1 shape Fuel masters understand, ``{"status": "error", "message": ...}``, and
add ``path`` (a JSON path such as ``$.action_logs[0].external_id``, or ``header.master-node-uid``)
and ``rule`` (the schema keyword or protocol rule that failed) whenever there is one.
"""

from __future__ import annotations

import codecs
import contextlib
import contextvars
import datetime as dt
import json
import logging
import math
import re
import time
import typing as t
import uuid
from collections.abc import Iterable

import jsonschema_rs
import orjson
import structlog
from connexion import AsyncApp, request
from connexion.datastructures import MediaTypeDict
from connexion.exceptions import ProblemException
from connexion.jsonifier import Jsonifier
from connexion.json_schema import Draft4RequestValidator
from connexion.lifecycle import ConnexionRequest, ConnexionResponse
from connexion.middleware import MiddlewarePosition
from connexion.utils import is_null, is_nullable
from connexion.validators import JSONRequestBodyValidator, JSONResponseBodyValidator, ParameterValidator
from jsonschema import Draft4Validator, FormatChecker, ValidationError
from jsonschema.exceptions import best_match
from sqlalchemy.exc import DataError, DBAPIError, OperationalError
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fuelstats.core import jsontext, metrics
from fuelstats.core.errors import Refused
from fuelstats.core.jsondepth import nesting_depth
from fuelstats.core.proxies import client_address, peer_address

log = structlog.get_logger("fuelstats.request")

REQUEST_ID_HEADER = "x-request-id"
MASTER_NODE_UID_HEADER = "master-node-uid"


def error_body(message: str, *, rule: str | None = None, path: str | None = None) -> dict[str, str]:
    body = {"status": "error", "message": message}
    if path is not None:
        body["path"] = path
    if rule is not None:
        body["rule"] = rule
    return body


def json_path(parts: Iterable[str | int]) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


# --- request log -------------------------------------------------------------------------------

_request_summary: contextvars.ContextVar[dict[str, t.Any]] = contextvars.ContextVar("request_summary")


def note(**fields: t.Any) -> None:
    """Add fields to the one log line of the current request (e.g. how many records were added)."""
    summary = _request_summary.get(None)
    if summary is not None:
        summary.update(fields)


def _outcome(status: int) -> str:
    if status < 400:
        return "ok"
    return "rejected" if status < 500 else "failed"


# Load balancers and supervisors ask these every few seconds: an answer that says "fine" is logged
# at debug level, or the log would be mostly probes.
PROBES = frozenset({"/healthz", "/readyz"})


class RequestLogMiddleware:
    """Writes one log line per request (request id, client address, master node, outcome, duration) and
    counts it for Prometheus by its route template."""

    def __init__(self, app: ASGIApp, routes: metrics.Routes, trusted_proxies: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.routes = routes
        self.trusted_proxies = trusted_proxies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in scope["headers"]}
        request_id = headers.get(REQUEST_ID_HEADER) or uuid.uuid4().hex
        summary: dict[str, t.Any] = {"status": 500}
        token = _request_summary.set(summary)
        structlog.contextvars.bind_contextvars(request_id=request_id)
        started = time.perf_counter()

        async def send_with_request_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                summary["status"] = message["status"]
                message["headers"] = [*message.get("headers", []), (REQUEST_ID_HEADER.encode(), request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_request_id)
        finally:
            status = summary.pop("status")
            seconds = time.perf_counter() - started
            route = self.routes.of(scope["path"])
            metrics.HTTP_REQUESTS.labels(route, scope["method"], str(status)).inc()
            metrics.HTTP_DURATION.labels(route, scope["method"]).observe(seconds)
            log.log(
                logging.DEBUG if route in PROBES and status < 400 else logging.INFO,
                "request",
                method=scope["method"],
                path=scope["path"],
                # Behind the front door, the address nginx was connected from; the peer when a proxy we
                # do not trust stands between (forwarded_by then says so).
                **_client_fields(scope, self.trusted_proxies),
                master_node_uid=headers.get(MASTER_NODE_UID_HEADER),
                status=status,
                outcome=_outcome(status),
                duration_ms=round(seconds * 1000, 2),
                **summary,
            )
            structlog.contextvars.unbind_contextvars("request_id")
            _request_summary.reset(token)


def _client_fields(scope: Scope, trusted_proxies: frozenset[str]) -> dict[str, str | None]:
    client = client_address(scope, trusted_proxies)
    if client is None:
        return {"client": peer_address(scope), "forwarded_by": "untrusted-proxy"}
    return {"client": client}


# --- body limit ----------------------------------------------------------------------------------

def body_limit_middleware(limit: int) -> type:
    class BodyLimitMiddleware:
        """Refuses bodies over the limit with 413 before anything reads them whole."""

        def __init__(self, app: ASGIApp) -> None:
            self.app = app

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] != "http":
                await self.app(scope, receive, send)
                return
            too_large = Refused(413, f"request body is larger than {limit} bytes", rule="max-body-size", path="$")
            for key, value in scope["headers"]:
                if key.lower() == b"content-length" and value.isdigit() and int(value) > limit:
                    raise too_large
            received = 0

            async def counting_receive() -> Message:
                nonlocal received
                message = await receive()
                received += len(message.get("body", b""))
                if received > limit:
                    raise too_large
                return message

            await self.app(scope, counting_receive, send)

    return BodyLimitMiddleware


# --- request body validation with path and rule ---------------------------------------------------

def _refuse_constant(name: str) -> t.NoReturn:
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise ValueError(f"number {literal} is out of range")
    return value


# A NUL character or a lone UTF-16 surrogate is valid JSON but PostgreSQL cannot store it.
_MAYBE_UNSTORABLE = re.compile(r"\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})")
_MAYBE_UNSTORABLE_BYTES = re.compile(_MAYBE_UNSTORABLE.pattern.encode())
_UNSTORABLE_CHARACTER = re.compile("[\x00\ud800-\udfff]")


def check_storable(value: t.Any, path: tuple[str | int, ...] = ()) -> None:
    """Refuse strings (and keys) that PostgreSQL cannot store, naming where they are."""
    if isinstance(value, str):
        if _UNSTORABLE_CHARACTER.search(value):
            raise Refused(400, "a string holds a NUL character or a lone surrogate, which cannot be stored",
                          rule="storable-text", path=json_path(path))
    elif isinstance(value, dict):
        for key, item in value.items():
            check_storable(key, (*path, key))
            check_storable(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check_storable(item, (*path, index))


# --- nesting depth ---------------------------------------------------------------------------------

# Deepest nesting of arrays and objects a request body may have, the body itself being the first.
# Fuel's deepest payloads nest about 12 levels (a node's interfaces in an installation structure);
# Python's parser fails beyond about 990, and Elasticsearch flattens free-form parts only to 20
# (the ETL cuts deeper parts, docs/etl.md).
MAX_JSON_DEPTH = 64

_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{},]')


def check_json_depth(raw: bytes, limit: int = MAX_JSON_DEPTH) -> None:
    """Refuse a body that nests deeper than ``limit`` before it is parsed, naming where.

    The one check of nesting on the request path: measured on the bytes (``jsondepth``), about a
    fifth of what parsing them costs; only a refused body is walked, to tell where.
    """
    if nesting_depth(raw, give_up_above=limit) > limit:
        raise Refused(400, f"the body nests deeper than {limit} arrays and objects", rule="max-depth",
                      path=_path_below_depth(raw.decode("utf-8", errors="replace"), limit))


def _path_below_depth(text: str, limit: int) -> str:
    """The JSON path of the first array or object nested deeper than ``limit`` (``$`` if none is found)."""
    where: list[str | int] = []  # per open container: the key or index being read in it
    in_object: list[bool] = []
    awaiting_key = False
    for token in _JSON_TOKEN.finditer(text):
        lexeme = token.group()
        if lexeme in "[{":
            if len(where) == limit:
                return json_path(where)
            where.append(0)
            in_object.append(lexeme == "{")
            awaiting_key = lexeme == "{"
        elif lexeme in "]}":
            if where:
                where.pop()
                in_object.pop()
            awaiting_key = False
        elif lexeme == ",":
            if in_object and in_object[-1]:
                awaiting_key = True
            elif where:
                where[-1] = int(where[-1]) + 1
        elif awaiting_key:
            where[-1] = json.loads(lexeme)
            awaiting_key = False
    return "$"


PARSED_BODY = "fuelstats.body"  # the scope's key of the request body as JSONBodyValidator read it
UTF8_BODY = "fuelstats.utf8_body"  # and of its text, when it came as UTF-8 (None otherwise)
_UNREAD = object()

FORMATS = FormatChecker(formats=())


@FORMATS.checks("date", raises=ValueError)
def _is_date(value: object) -> bool:
    return not isinstance(value, str) or bool(dt.date.fromisoformat(value))


@FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value: object) -> bool:
    return not isinstance(value, str) or bool(dt.datetime.fromisoformat(value))


# --- the fast validator: jsonschema-rs on a schema that says exactly what the spec's says ---------

# The keywords whose meaning jsonschema-rs and the Python validator share exactly, for the JSON a
# body can hold (checked by tests/collector/test_fast_validation.py on generated bodies). A schema
# with any other keyword is validated by the Python validator alone.
_SHARED_KEYWORDS = frozenset({"type", "properties", "required", "additionalProperties", "items", "enum", "minimum",
                              "maximum", "minLength", "maxLength", "minItems", "maxItems"})
_ANNOTATIONS = frozenset({"title", "description", "example", "default", "readOnly", "deprecated"})
# Connexion puts the spec's components beside the root of each schema it validates with.
_CONTAINERS = frozenset({"components", "definitions"})
_SCHEMA_MAPS = frozenset({"properties"})  # keywords whose value maps names to schemas
_PATTERN_FORMAT = "fuelstats-pattern:"  # a format of ours that stands for a pattern (see exact_for_rust)


class NotTranslatable(ValueError):
    """The schema uses a keyword whose meaning the two validators do not share."""


def exact_for_rust(schema: t.Any) -> t.Any:
    """The schema as jsonschema-rs must see it to give the Python validator's verdicts.

    OpenAPI's ``nullable`` (and ``x-nullable``) lets ``null`` through a schema's ``type`` and
    ``enum`` (Connexion's Draft4RequestValidator), which JSON Schema draft 4 says with ``"null"``
    in ``type`` and ``null`` in ``enum``; every other keyword ignores ``null`` anyway. A
    ``pattern`` becomes a format of ours checked by Python's ``re.search``, as the Python validator
    checks it: Rust's regular expressions read ``$`` and ``\\s`` otherwise. Raises NotTranslatable
    for any keyword outside those the validators are known to agree on.
    """
    if isinstance(schema, bool):
        return schema
    if not isinstance(schema, dict):
        raise NotTranslatable(f"a schema is an object: {schema!r}")
    translated: dict[str, t.Any] = {}
    nullable = bool(schema.get("nullable") or schema.get("x-nullable") is True)
    for keyword, value in schema.items():
        if keyword in _ANNOTATIONS or keyword in ("nullable", "x-nullable"):
            continue
        if keyword in _CONTAINERS:  # what a $ref may point into; no $ref is translated
            continue
        if keyword in _SCHEMA_MAPS:
            translated[keyword] = {name: exact_for_rust(sub) for name, sub in value.items()}
        elif keyword in ("items", "additionalProperties") and not isinstance(value, list):
            translated[keyword] = exact_for_rust(value)
        elif keyword == "type" and nullable:
            types = value if isinstance(value, list) else [value]
            translated[keyword] = types if "null" in types else [*types, "null"]
        elif keyword == "enum" and nullable:
            translated[keyword] = value if None in value else [*value, None]
        elif keyword == "format" and value in FORMATS.checkers and "pattern" not in schema:
            translated[keyword] = value
        elif keyword == "pattern" and isinstance(value, str) and "format" not in schema:
            re.compile(value)
            translated["format"] = _PATTERN_FORMAT + value
        elif keyword in _SHARED_KEYWORDS and keyword not in ("items", "additionalProperties"):
            translated[keyword] = value
        else:
            raise NotTranslatable(f"keyword {keyword!r}")
    return translated


def _pattern_formats(schema: t.Any) -> dict[str, t.Callable[[str], bool]]:
    found: dict[str, t.Callable[[str], bool]] = {}
    if isinstance(schema, dict):
        form = schema.get("format")
        if isinstance(form, str) and form.startswith(_PATTERN_FORMAT):
            pattern = re.compile(form.removeprefix(_PATTERN_FORMAT))
            found[form] = lambda value: pattern.search(value) is not None
        for value in schema.values():
            found.update(_pattern_formats(value))
    elif isinstance(schema, list):
        for item in schema:
            found.update(_pattern_formats(item))
    return found


_compiled: dict[int, tuple[dict[str, t.Any], jsonschema_rs.Draft4Validator | None]] = {}


def fast_validator(schema: dict[str, t.Any]) -> jsonschema_rs.Draft4Validator | None:
    """The schema compiled once by jsonschema-rs (Rust): it tells valid from invalid in microseconds,
    with the same verdicts as the Python validator (``exact_for_rust``). None when the schema has
    a keyword they may disagree on: the Python validator alone decides then.

    Its "valid" is final; its "invalid" is handed to the Python validator, which explains where and why.
    """
    entry = _compiled.get(id(schema))
    if entry is None or entry[0] is not schema:
        try:
            translated = exact_for_rust(schema)
        except NotTranslatable:
            entry = (schema, None)
        else:
            checks = {name: (lambda value, name=name: FORMATS.conforms(value, name)) for name in FORMATS.checkers}
            checks.update(_pattern_formats(translated))
            entry = (schema, jsonschema_rs.Draft4Validator(translated, formats=checks, validate_formats=True))
        _compiled[id(schema)] = entry
    return entry[1]


def refuse_without_content_type(scope: Scope) -> None:
    """A body must say it is JSON: without a Content-Type, Connexion would validate it as JSON and
    then hand the operation its bytes. Answered as any other content type the operation does not take."""
    if not Headers(scope=scope).get("content-type", "").strip():
        raise Refused(415, "the body has no Content-Type: send it as application/json", rule="content-type",
                      path="header.content-type")


class JSONBodyValidator(JSONRequestBodyValidator):
    """Connexion's JSON body validator, raising Refused that names the JSON path and the rule."""

    @property
    def _validator(self) -> Draft4RequestValidator:
        return Draft4RequestValidator(self._schema, format_checker=FORMATS)

    async def wrap_receive(self, receive: Receive, *, scope: Scope) -> tuple[Receive, Scope]:
        refuse_without_content_type(scope)
        # Connexion takes a request without Content-Length for one without a body; a chunked body
        # is read here first (through the body limit) and handed on with its length.
        if Headers(scope=scope).get("content-length") is None:
            chunks = []
            while True:
                message = await receive()
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    break
            body = b"".join(chunks)
            scope = {**scope, "headers": [*scope["headers"], (b"content-length", str(len(body)).encode())]}
            receive = self._insert_messages(receive, messages=[{"type": "http.request", "body": body}])
        if Headers(scope=scope).get("content-length") == "0":
            raise Refused(400, "request body is required", rule="required", path="$")
        return await super().wrap_receive(receive, scope=scope)

    async def _parse(self, stream: t.AsyncGenerator[bytes, None], scope: Scope) -> t.Any:
        raw = b"".join([chunk async for chunk in stream])
        if not raw.strip():
            return None
        utf8 = codecs.lookup(self._encoding).name == "utf-8"
        try:
            # orjson's reading is the json module's (jsontext); what it cannot read, or might read
            # otherwise, takes the json module's path below, with its errors.
            body = jsontext.loads(raw) if utf8 else _UNREAD
        except jsontext.Undecided:
            body = _UNREAD
        if body is _UNREAD:
            try:
                text = raw.decode(self._encoding)
                check_json_depth(raw if utf8 else text.encode())
                body = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
            except (UnicodeDecodeError, ValueError) as error:
                raise Refused(400, f"request body is not valid JSON: {error}", rule="json-syntax",
                              path="$") from None
            if _MAYBE_UNSTORABLE.search(text):
                check_storable(body)
        else:
            check_json_depth(raw)  # read by orjson: valid UTF-8, so the json module's path would come here next
            if b"\\u" in raw and _MAYBE_UNSTORABLE_BYTES.search(raw):
                check_storable(body)
        # Handed to the operation as it is (request_body()): Connexion would read the bytes again.
        scope[PARSED_BODY] = body
        scope[UTF8_BODY] = raw if utf8 else None
        return body

    def _validate(self, body: t.Any) -> dict | None:
        if body is None:
            raise Refused(400, "request body is required", rule="required", path="$")
        fast = fast_validator(self._schema)
        if fast is not None and fast.is_valid(body):
            return body
        error = best_match(self._validator.iter_errors(body))
        if error is None:
            return body
        raise schema_error(error)


class ParametersValidator(ParameterValidator):
    """Connexion's parameter validation, with our formats and errors that name the parameter and rule."""

    @staticmethod
    def validate_parameter(parameter_type: str, value: t.Any, param: dict, param_name: str | None = None) -> None:
        where = f"{parameter_type}.{param['name']}"
        if value is None or (is_nullable(param) and is_null(value)):
            if param.get("required"):
                raise Refused(400, f"{parameter_type} parameter {param['name']!r} is required", rule="required",
                              path=where)
            return None
        error = best_match(Draft4Validator(param.get("schema", param), format_checker=FORMATS).iter_errors(value))
        if error is not None:
            raise Refused(400, f"{param['name']}: {error.message}", rule=str(error.validator), path=where)
        if isinstance(value, str) and _UNSTORABLE_CHARACTER.search(value):
            # No stored value holds one, and PostgreSQL refuses it even in a comparison.
            raise Refused(400, f"{param['name']}: holds a NUL character or a lone surrogate", rule="storable-text",
                          path=where)
        return None

    def validate_request(self, request: ConnexionRequest) -> None:
        if self.strict_validation:
            extra = self.validate_query_parameter_list(request, security_params=self.security_query_params)
            if extra:
                name = sorted(extra)[0]
                raise Refused(400, f"unknown query parameter {name!r}", rule="unknown-parameter", path=f"query.{name}")
        super().validate_request(request)


class FastJsonifier(Jsonifier):
    """Connexion's jsonifier, writing with orjson what it writes as the json module would (the collector
    answers a batch with a fate per record: about 50 µs of the json module's time each). Dates, times
    and decimals, which Connexion's encoder writes its own way, are left to it."""

    _PASSED_ON = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_SUBCLASS

    def dumps(self, data: t.Any, **kwargs: t.Any) -> str:
        if not kwargs:
            try:
                return orjson.dumps(data, option=self._PASSED_ON | orjson.OPT_APPEND_NEWLINE).decode()
            except TypeError:  # beyond 64-bit integers, and what orjson passes on
                pass
        return super().dumps(data, **kwargs)


class FastJSONResponseValidator(JSONResponseBodyValidator):
    """Connexion's response validation, with the answer read by orjson (jsontext) and jsonschema-rs deciding first."""

    def _parse(self, stream: t.Iterator[bytes]) -> t.Any:  # type: ignore[override]
        raw = b"".join(stream)
        if raw and codecs.lookup(self._encoding).name == "utf-8":
            with contextlib.suppress(jsontext.Undecided):
                return jsontext.loads(raw)
        return super()._parse(iter([raw]))

    def _validate(self, body: dict) -> None:  # type: ignore[override]
        fast = fast_validator(self._schema)
        if fast is None or not fast.is_valid(body):
            super()._validate(body)


def schema_error(error: ValidationError) -> Refused:
    parts: list[str | int] = list(error.absolute_path)
    instance = error.instance
    if error.validator == "required" and isinstance(instance, dict):
        missing = [name for name in error.validator_value if name not in instance]
        parts += missing[:1]
    elif error.validator == "additionalProperties" and isinstance(instance, dict):
        declared = set(error.schema.get("properties", {}))
        extra = sorted(name for name in instance if name not in declared)
        parts += extra[:1]
    return Refused(400, error.message, rule=str(error.validator), path=json_path(parts))


# --- error responses -----------------------------------------------------------------------------

def _json_response(status: int, body: dict[str, t.Any], headers: dict[str, str] | None = None) -> ConnexionResponse:
    return ConnexionResponse(status_code=status, mimetype="application/json", body=json.dumps(body), headers=headers)


def _error_response(status: int, message: str, *, rule: str | None, path: str | None,
                    headers: dict[str, str] | None = None) -> ConnexionResponse:
    """Every refusal's answer: the v1 error body, its rule and path in the request's log line, its rule counted."""
    note(rule=rule, at=path)
    if rule is not None:
        metrics.REFUSALS.labels(rule).inc()
    return _json_response(status, error_body(message, rule=rule, path=path), headers=headers)


def _refused_response(request: ConnexionRequest, error: Exception) -> ConnexionResponse:
    assert isinstance(error, Refused)
    return _error_response(error.status, error.message, rule=error.rule, path=error.path, headers=error.headers)


def answer_refusal(request: ConnexionRequest, refused: Refused) -> ConnexionResponse:
    """The answer to ``refused``, for a service's handler of an exception of its own that is a refusal."""
    return _refused_response(request, refused)


def _problem_response(request: ConnexionRequest, error: Exception) -> ConnexionResponse:
    """Connexion's own refusals (an unsupported media type, an unknown method, ...) in the same shape."""
    assert isinstance(error, ProblemException)
    rule, path = ("content-type", "header.content-type") if error.status == 415 else (None, None)
    return _error_response(error.status, error.detail or error.title or "error", rule=rule, path=path)


def _http_response(request: ConnexionRequest, error: Exception) -> ConnexionResponse:
    assert isinstance(error, HTTPException)
    return _json_response(error.status_code, error_body(error.detail), headers=dict(error.headers or {}))


def _database_unavailable(request: ConnexionRequest, error: Exception) -> ConnexionResponse:
    log.error("database unavailable", error=str(error).splitlines()[0])
    return _json_response(503, error_body("the database is unavailable, try again later"), headers={"Retry-After": "30"})


def _unexpected(request: ConnexionRequest, error: Exception) -> ConnexionResponse:
    log.exception("unexpected error", exc_info=error)
    return _json_response(500, error_body("internal error"))


def _is_disconnection(error: DBAPIError) -> bool:
    return isinstance(error, OperationalError) or bool(error.connection_invalidated)


def _database_error(request: ConnexionRequest, error: Exception) -> ConnexionResponse:
    assert isinstance(error, DBAPIError)
    if _is_disconnection(error):
        return _database_unavailable(request, error)
    if isinstance(error, DataError):
        # A value the schema let through but PostgreSQL refuses; the transaction stored nothing.
        reason = str(error.orig).splitlines()[0] if error.orig is not None else "refused"
        note(rule="storable-value")
        return _json_response(400, error_body(f"the database cannot store a value: {reason}", rule="storable-value"))
    return _unexpected(request, error)


# What every app serves besides its API's operations: Connexion's Swagger UI and the spec.
SWAGGER_ROUTES = ("/openapi.json", "/ui/{rest:path}")


def install_common_behaviour(app: AsyncApp, *, max_body_bytes: int, spec: dict[str, t.Any],
                             other_routes: Iterable[str] = (), trusted_proxies: frozenset[str] = frozenset()) -> None:
    """Request log and metrics, body limit and v1-shaped errors for one Connexion app serving ``spec``
    (whose paths name the routes in the metrics, with ``other_routes``, what the app serves besides)."""
    routes = metrics.Routes([*spec["paths"], *SWAGGER_ROUTES, *other_routes])
    app.add_middleware(RequestLogMiddleware, position=MiddlewarePosition.BEFORE_EXCEPTION, routes=routes,
                       trusted_proxies=trusted_proxies)
    app.add_middleware(body_limit_middleware(max_body_bytes), position=MiddlewarePosition.BEFORE_ROUTING)
    app.add_error_handler(Refused, _refused_response)
    app.add_error_handler(ProblemException, _problem_response)
    app.add_error_handler(HTTPException, _http_response)
    app.add_error_handler(DBAPIError, _database_error)
    app.add_error_handler(Exception, _unexpected)


VALIDATOR_MAP = {
    "parameter": ParametersValidator,
    "body": MediaTypeDict({"*/*json": JSONBodyValidator}),
    "response": MediaTypeDict({"*/*json": FastJSONResponseValidator}),
}


def request_body() -> t.Any:
    """The body of the request being served, as JSONBodyValidator read and validated it."""
    return request.scope[PARSED_BODY]


def request_utf8_text() -> bytes | None:
    """The text of the request being served, when it came as UTF-8 (its value is request_body())."""
    return request.scope.get(UTF8_BODY)


def header_master_node_uid() -> str | None:
    """The master-node-uid header of the request being served."""
    return request.headers.get(MASTER_NODE_UID_HEADER)
