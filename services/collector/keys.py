"""Master keys: enrolment on first contact, rotation signed by the old key, reset by an operator.

Enrolment is trust on first use: the first key a master node enrolls (with a request signed by
that key, which proves it holds it) protects its records from then on. Enrolling the same key again
changes nothing; another key is refused (409, `key-conflict`, quarantined): only a rotation signed
by the enrolled key, or a reset, changes it. A reset is an operator's act, through the analytics'
private API or `fuelstats collector reset-key` on the collector's machine: it installs the key the
customer gave, or none (the master node then enrolls again on its next contact). Every change is
written to master_key_events with who made it and from where. Changes of one master node's key
take its lock (storage.lock_master_key), one at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Engine

from fuelstats.collector import storage
from fuelstats.collector.authentication import (
    KEY_CONFLICT,
    NOT_ENROLLED,
    UNKNOWN_KEY,
    Incoming,
    Unauthenticated,
    check_fresh,
    verify,
)
from fuelstats.core.errors import Refused
from fuelstats_common import signatures


@dataclass(frozen=True)
class KeyOutcome:
    master_node_uid: str
    key_id: str
    enrolment: str  # added, existed (the same key again) or rotated

    def as_json(self) -> dict[str, str]:
        return {"status": "ok", "master_node_uid": self.master_node_uid, "key_id": self.key_id,
                "enrolment": self.enrolment}


def parse_key(text: str, path: str) -> Ed25519PublicKey:
    try:
        return signatures.parse_public_key(text)
    except ValueError as error:
        raise Refused(400, f"not an Ed25519 public key: {error}", rule="public-key", path=path) from None


def _key_of(incoming: Incoming, body: dict[str, Any]) -> tuple[str, Ed25519PublicKey, str]:
    """The master node, key and key id a key request names (its own master node's, as the header says)."""
    uid = body["master_node_uid"]
    if incoming.master_node_uid != uid:
        raise Refused(403, f"master_node_uid {uid!r} contradicts the master-node-uid header", rule="master-node-uid",
                      path="$.master_node_uid")
    public_key = parse_key(body["public_key"], "$.public_key")
    return uid, public_key, signatures.key_id(public_key)


def enrol(engine: Engine, incoming: Incoming, body: dict[str, Any], *, skew: float) -> KeyOutcome:
    """Enrol the key of the body for its master node, the request signed by that key."""
    uid, public_key, key_id = _key_of(incoming, body)
    with engine.begin() as connection:
        storage.lock_master_key(connection, uid)
        current = storage.enrolled_keys(connection, {uid})
        counted_as = uid if uid in current else None
        for result in verify(incoming, {key_id: public_key}, counted_as=counted_as):
            check_fresh(connection, result, skew=skew, counted_as=counted_as)
        if current.get(uid) == key_id:
            return KeyOutcome(uid, key_id, "existed")
        if current.get(uid) is not None:
            raise Unauthenticated(KEY_CONFLICT, f"master node {uid!r} has another key enrolled: it changes only by a"
                                  " rotation signed with that key, or a reset by the collector's operators",
                                  master_node_uid=uid, status=409)
        storage.set_master_key(connection, uid, body["public_key"], key_id)
        storage.add_key_event(connection, storage.KeyEvent(
            uid, "enrolled", new_key_id=key_id, address=incoming.address,
            reason="after a reset" if uid in current else "first contact"))
    return KeyOutcome(uid, key_id, "added")


def rotate(engine: Engine, incoming: Incoming, body: dict[str, Any], *, skew: float) -> KeyOutcome:
    """Replace the master node's key by the body's: signed by the enrolled key, and by the new one."""
    uid, new_key, new_key_id = _key_of(incoming, body)
    with engine.begin() as connection:
        storage.lock_master_key(connection, uid)
        enrolled = storage.master_key(connection, uid)
        if enrolled is None or enrolled.key_id is None or enrolled.public_key is None:
            raise Unauthenticated(NOT_ENROLLED, f"master node {uid!r} has no key enrolled to rotate",
                                  master_node_uid=uid if enrolled else None)
        if enrolled.key_id == new_key_id:
            # A retry of a rotation that took place: the new key, now the enrolled one, vouches for it.
            for result in verify(incoming, {new_key_id: new_key}, counted_as=uid, label=signatures.NEW_KEY_LABEL):
                check_fresh(connection, result, skew=skew, counted_as=uid)
            return KeyOutcome(uid, new_key_id, "existed")
        keys = {enrolled.key_id: signatures.parse_public_key(enrolled.public_key), new_key_id: new_key}
        results = verify(incoming, keys, counted_as=uid)
        signers = {result.parameters.get("keyid") for result in results}
        if new_key_id not in signers:
            raise Unauthenticated(UNKNOWN_KEY, "a rotation is signed by the new key too", master_node_uid=uid)
        for result in results:
            check_fresh(connection, result, skew=skew, counted_as=uid)
        if enrolled.key_id not in signers:
            raise Unauthenticated(UNKNOWN_KEY, "a rotation is signed by the enrolled key", master_node_uid=uid)
        storage.set_master_key(connection, uid, body["public_key"], new_key_id)
        storage.add_key_event(connection, storage.KeyEvent(uid, "rotated", old_key_id=enrolled.key_id,
                                                           new_key_id=new_key_id, address=incoming.address))
    return KeyOutcome(uid, new_key_id, "rotated")


def reset(engine: Engine, master_node_uid: str, *, public_key: str | None, actor: str | None, address: str | None,
          reason: str | None) -> dict[str, Any]:
    """An operator replaces the master node's key by ``public_key``, or by none (it enrolls again on its
    next contact); a master node never enrolled gets its key this way too. Audited; the new state."""
    new_key_id = signatures.key_id(parse_key(public_key, "$.public_key")) if public_key is not None else None
    with engine.begin() as connection:
        storage.lock_master_key(connection, master_node_uid)
        before = storage.master_key(connection, master_node_uid)
        storage.set_master_key(connection, master_node_uid, public_key, new_key_id)
        storage.add_key_event(connection, storage.KeyEvent(
            master_node_uid, "reset", old_key_id=before.key_id if before else None, new_key_id=new_key_id,
            actor=actor, address=address, reason=reason))
    return state(engine, master_node_uid) or {}


def state(engine: Engine, master_node_uid: str) -> dict[str, Any] | None:
    """The master node's key and its audit trail; None when it never had one."""
    with engine.connect() as connection, connection.begin():
        key = storage.master_key(connection, master_node_uid)
        events = storage.key_events(connection, master_node_uid)
    if key is None:
        return None
    return {
        "master_node_uid": master_node_uid,
        "key_id": key.key_id,
        "public_key": key.public_key,
        "enrolled_at": key.enrolled_at.isoformat(),
        "changed_at": key.changed_at.isoformat(),
        "events": [{**event, "at": event["at"].isoformat()} for event in events],
    }
