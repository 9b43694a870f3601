"""Who sent a submission: signed requests of enrolled master nodes, and the rules that protect them.

A master node that enrolled a key (keys.py) signs every request (fuelstats_common.signatures:
RFC 9421 with Ed25519, over the method, path, query, master-node-uid header and Content-Digest,
with created and nonce). `SignatureMiddleware` checks each signed submission before Connexion
parses or validates its body, so refusing a forged signature costs one key lookup, one signature
check and the quarantine's one statement:

- signed: the master node must be enrolled (`not-enrolled`), the signature must verify with its
  enrolled key (`unknown-key`, `signature`), be created within FUELSTATS_SIGNATURE_SKEW seconds
  of now (`stale-signature`), and its nonce must be new (`replayed-signature`);
- unsigned: refused (`signature-required`) by the statement that would store it, when any of its
  records names an enrolled master node (check_writer; a header is optional in v1): after its body
  is validated, so a malformed one is answered 400 as from anybody.

Every refusal is 401 with the v1 error body and a WWW-Authenticate header; the refused submission
goes into the quarantine (quarantine.py), whatever refused it (a rule here, a key conflict, the
master-node-uid rule of the body). The key endpoints (enrolment, rotation) verify in keys.py,
against the key their body names.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from connexion.lifecycle import ConnexionRequest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from http_message_signatures import HTTPMessageSignaturesException, HTTPMessageVerifier, MappingKeyResolver
from http_message_signatures.structures import VerifyResult
from sqlalchemy import Connection, Engine
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fuelstats.collector import quarantine, storage
from fuelstats.collector.context import collector_engine
from fuelstats.collector.settings import get_settings
from fuelstats.core.database import autocommit, in_one_statement
from fuelstats.core.errors import Refused
from fuelstats.core.proxies import client_address
from fuelstats_common import signatures
from fuelstats_common.signatures import FieldLines, HttpMessage

# The rules of this module; each refusal by one of them, or by a rule in QUARANTINED, is quarantined.
SIGNATURE_REQUIRED = "signature-required"
SIGNATURE = "signature"
UNKNOWN_KEY = "unknown-key"
NOT_ENROLLED = "not-enrolled"
STALE = "stale-signature"
REPLAY = "replayed-signature"
KEY_CONFLICT = "key-conflict"  # keys.py: another key is enrolled for the master node
MASTER_NODE_UID = "master-node-uid"  # ingest.py: records of another master node than the header's
QUARANTINED = frozenset({SIGNATURE_REQUIRED, SIGNATURE, UNKNOWN_KEY, NOT_ENROLLED, STALE, REPLAY, KEY_CONFLICT,
                         MASTER_NODE_UID})

DATA_PATHS = frozenset({"/api/v1/action_logs/", "/api/v1/installation_structure/", "/api/v1/oswl_stats/",
                        "/api/v1/failure_reports/"})
KEY_PATHS = frozenset({"/api/v1/master_keys/", "/api/v1/master_keys/rotation/"})
INCOMING = "fuelstats.incoming"  # the scope's key of the request as received (Incoming)
_COVERED_LIST = " ".join('"' + component + '"' for component in signatures.COVERED_COMPONENTS)
CHALLENGE = {
    "WWW-Authenticate": f'Signature realm="fuel-stats", tag="{signatures.TAG}"',
    # RFC 9421 section 5.1: what a signature must cover to be accepted.
    "Accept-Signature": f'{signatures.LABEL}=({_COVERED_LIST});tag="{signatures.TAG}";'
                        f'alg="{signatures.ALGORITHM.algorithm_id}"',
}
_ANY_TIME = dt.timedelta(days=365 * 100)  # the library's own clock check is off: `fresh` decides, by the setting
_PRUNE_EVERY_SECONDS = 60.0


class Unauthenticated(Refused):
    """401: the request is not (correctly) signed by the master node it speaks for (409: it is, but
    by a key that is not the one enrolled).

    ``master_node_uid`` is the enrolled master node the quarantine counts it for, when there is one.
    """

    def __init__(self, rule: str, message: str, *, master_node_uid: str | None = None, status: int = 401) -> None:
        super().__init__(status, message, rule=rule, path="header.signature",
                         headers=CHALLENGE if status == 401 else None)
        self.master_node_uid = master_node_uid


@dataclass(frozen=True)
class SignedBy:
    """A submission verified as the master node's own: signed by ``key_id``, its enrolled key."""

    master_node_uid: str
    key_id: str


@dataclass
class Incoming:
    """A submission as received, before anything parsed its body."""

    method: str
    path: str
    query: str
    headers: list[tuple[str, str]]
    body: bytes
    address: str | None  # the client's, through the front door too (fuelstats.core.proxies); None: unknown
    enrolled: bool = False  # the master node of its header has a master_keys row
    signed_by: SignedBy | None = field(default=None)

    @classmethod
    def of(cls, scope: Scope, body: bytes, trusted_proxies: frozenset[str] = frozenset()) -> Incoming:
        raw_path = scope.get("raw_path") or scope["path"].encode()
        return cls(
            method=scope["method"], path=raw_path.decode("latin-1"), query=scope.get("query_string", b"").decode(
                "latin-1"),
            headers=[(name.decode("latin-1"), value.decode("latin-1")) for name, value in scope["headers"]],
            body=body, address=client_address(scope, trusted_proxies),
        )

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers if key.lower() == name), None)

    @property
    def master_node_uid(self) -> str | None:
        return self.header(signatures.MASTER_NODE_UID_HEADER)

    @property
    def signed(self) -> bool:
        return self.header("signature") is not None or self.header("signature-input") is not None

    def message(self) -> HttpMessage:
        # Only the path and query are covered: the host part is a placeholder the library wants.
        query = f"?{self.query}" if self.query else ""
        return HttpMessage(self.method, f"http://collector{self.path}{query}", FieldLines(self.headers))


class _Keys(MappingKeyResolver):
    """The keys a request may be signed with; it remembers the key ids it did not know."""

    def __init__(self, keys: Mapping[str, Ed25519PublicKey]) -> None:
        super().__init__(public_keys=keys, private_keys={})
        self.unknown: list[str] = []

    def resolve_public_key(self, key_id: str) -> Any:
        key = super().resolve_public_key(key_id)
        if key is None:
            self.unknown.append(key_id)
        return key


def verify(incoming: Incoming, keys: Mapping[str, Ed25519PublicKey], *, counted_as: str | None,
           label: str | None = None) -> list[VerifyResult]:
    """Every signature of the profile's tag (of that ``label`` only, when given), verified with ``keys``
    (by key id), body digest included."""
    resolver = _Keys(keys)
    verifier = HTTPMessageVerifier(signature_algorithm=signatures.ALGORITHM, key_resolver=resolver)
    verifier.max_clock_skew = _ANY_TIME
    try:
        results = verifier.verify(incoming.message(), body=incoming.body, expect_tag=signatures.TAG,
                                  require_components=signatures.COVERED_COMPONENTS, max_age=None,
                                  expect_label=label)
    except (HTTPMessageSignaturesException, ValueError, TypeError, KeyError) as error:
        if resolver.unknown:
            raise Unauthenticated(UNKNOWN_KEY, f"signed with key {resolver.unknown[0][:64]!r}, which is not the"
                                  " master node's enrolled key", master_node_uid=counted_as) from None
        raise Unauthenticated(SIGNATURE, f"the signature does not verify: {str(error)[:200]}",
                              master_node_uid=counted_as) from None
    for result in results:
        signed_uid = result.covered_components.get(f'"{signatures.MASTER_NODE_UID_HEADER}"')
        if signed_uid != incoming.master_node_uid:
            raise Unauthenticated(SIGNATURE, "the master-node-uid header is not the one signed",
                                  master_node_uid=counted_as)
    return results


_last_prune = 0.0


def check_fresh(connection: Connection, result: VerifyResult, *, skew: float, counted_as: str | None) -> None:
    """A verified signature is new: created within ``skew`` seconds of now, its nonce never seen."""
    global _last_prune
    created = result.parameters.get("created")
    nonce = result.nonce
    if not isinstance(created, int) or not isinstance(nonce, str) or not nonce or len(nonce) > 128:
        raise Unauthenticated(SIGNATURE, "a signature carries created and a nonce (at most 128 characters)",
                              master_node_uid=counted_as)
    off = time.time() - created
    if abs(off) > skew:
        raise Unauthenticated(STALE, f"the signature was created {off:.0f} seconds off the collector's clock;"
                              f" at most {skew:.0f} either way is accepted", master_node_uid=counted_as)
    # Remembered for as long as the signature could pass, and as long again for clocks that differ.
    expires = dt.datetime.fromtimestamp(created + 2 * skew, dt.UTC)
    if not storage.claim_nonce(connection, str(result.parameters["keyid"]), nonce, expires):
        raise Unauthenticated(REPLAY, "this signature was used before: a replayed request",
                              master_node_uid=counted_as)
    if time.monotonic() - _last_prune > _PRUNE_EVERY_SECONDS:
        _last_prune = time.monotonic()
        storage.prune_nonces(connection)


def check_submission(engine: Engine, incoming: Incoming, *, skew: float) -> SignedBy | None:
    """The checks of a data submission (the module's docstring); the master node that signed it, or None."""
    uid = incoming.master_node_uid
    if not incoming.signed:
        # Not looked up here: the statement that would store it refuses an unsigned submission for an
        # enrolled master node itself (check_writer), and a lookup would cost every unsigned request,
        # the whole v1 fleet's traffic, a round trip to PostgreSQL.
        return None
    # Each statement on its own (no transaction: none of them needs another's), the lookup sent again
    # on a new connection if PostgreSQL restarted since this one was used.
    key = in_one_statement(engine, lambda connection: storage.master_key(connection, uid)) if uid else None
    incoming.enrolled = key is not None
    counted_as = uid if key is not None else None
    if uid is None:
        raise Unauthenticated(SIGNATURE, "a signed request names its master node in the master-node-uid header")
    if key is None or key.key_id is None or key.public_key is None:
        raise Unauthenticated(NOT_ENROLLED, f"master node {uid[:256]!r} has no key enrolled: enrol it first"
                              " (POST /api/v1/master_keys/)", master_node_uid=counted_as)
    results = verify(incoming, {key.key_id: signatures.parse_public_key(key.public_key)}, counted_as=counted_as)
    with autocommit(engine) as connection:
        for result in results:
            check_fresh(connection, result, skew=skew, counted_as=counted_as)
    return SignedBy(uid, key.key_id)


def check_writer(connection: Connection, master_node_uids: set[str], header_uid: str | None,
                 key_id: str | None) -> None:
    """In the transaction that writes these master nodes' records: refuse an unsigned write to any
    enrolled one, and a signed write whose key is no longer the enrolled one (rotated or reset since
    it was checked).

    No lock is needed. An enrolment that commits between this check and the write changes nothing
    the write depends on: the write is as if it came just before it (an unsigned record stays
    unverified, and the master's own signed record replaces it). A verified record is never
    overwritten by an unverified one whatever the timing: the write's statements say so themselves
    (storage.py), on the row they lock. (storage.store_action_logs checks in the write's own statement.)
    """
    refusal = writer_refusal(storage.enrolled_keys(connection, master_node_uids), master_node_uids, header_uid,
                             key_id)
    if refusal is not None:
        raise refusal


def writer_refusal(enrolled: Mapping[str, str | None], master_node_uids: set[str], header_uid: str | None,
                   key_id: str | None) -> Unauthenticated | None:
    """check_writer's refusal, given which of these master nodes are enrolled (uid to key id), or None."""
    if key_id is None:
        protected = sorted(set(enrolled) & master_node_uids)
        if protected:
            return Unauthenticated(SIGNATURE_REQUIRED, f"master node {protected[0]!r} is enrolled: its records are"
                                   " written only by requests signed with its key", master_node_uid=protected[0])
    elif header_uid is None or enrolled.get(header_uid) != key_id:
        return Unauthenticated(UNKNOWN_KEY, "the master node's key changed while the request was served",
                               master_node_uid=header_uid)
    return None


# --- the middleware ------------------------------------------------------------------------------

async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


class SignatureMiddleware:
    """Checks the signature of each submission (see the module's docstring) and quarantines refusals."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or scope["method"] != "POST" or path not in DATA_PATHS | KEY_PATHS:
            await self.app(scope, receive, send)
            return
        settings = get_settings()
        incoming = Incoming.of(scope, await _read_body(receive), settings.trusted_proxy_addresses)
        scope[INCOMING] = incoming
        engine = collector_engine()
        try:
            if path in DATA_PATHS:
                # On the event loop, as the busiest operations run (handlers.py): a statement or two,
                # cheaper than handing the request to a thread and back.
                incoming.signed_by = check_submission(engine, incoming, skew=settings.signature_skew)
            elif not incoming.signed:
                raise Unauthenticated(SIGNATURE_REQUIRED, "enrolment and rotation are signed by the key they name")
            await self.app(scope, _replay(incoming.body), send)
        except Refused as refusal:
            if refusal.rule in QUARANTINED:
                counted_as = getattr(refusal, "master_node_uid", None) or (
                    incoming.master_node_uid if incoming.enrolled else None)
                await run_in_threadpool(quarantine.record, engine, settings, incoming, refusal, counted_as)
            raise


def incoming_of(request: ConnexionRequest) -> Incoming:
    """The submission being served, as SignatureMiddleware received it."""
    incoming = request.scope.get(INCOMING)
    assert isinstance(incoming, Incoming), "SignatureMiddleware serves every submission"
    return incoming


def signature_info(apikey: str, request: ConnexionRequest) -> dict[str, Any] | None:
    """Connexion's x-apikeyInfoFunc of the MessageSignature scheme: what SignatureMiddleware found."""
    incoming = request.scope.get(INCOMING)
    if not isinstance(incoming, Incoming):
        return None
    signed_by = incoming.signed_by
    return {"sub": incoming.master_node_uid, "key_id": signed_by.key_id if signed_by else None}
