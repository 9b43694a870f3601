"""The signature profile master nodes and the collector agree on (docs/security.md).

A master node signs each request with its Ed25519 key as RFC 9421 (HTTP Message Signatures)
describes, through the `http-message-signatures` library: one signature labelled ``fuelstats``,
tagged ``fuelstats-v1``, covering the method, the path, the query, the ``master-node-uid``
header and the body's ``Content-Digest`` (RFC 9530, SHA-256), with the parameters ``created``,
``nonce``, ``keyid`` and ``alg``. The key id is the key's RFC 7638 JWK thumbprint, so the collector
can tell which of a master's keys (the enrolled one, an old one, a new one) signed.

Both sides import this module: the kit signs with it, the collector verifies by the same
constants, so the two cannot drift apart.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from http_message_signatures import HTTPMessageSigner, MappingKeyResolver, algorithms

LABEL = "fuelstats"
TAG = "fuelstats-v1"
ALGORITHM = algorithms.ED25519
COVERED_COMPONENTS = ("@method", "@path", "@query", "master-node-uid", "content-digest")
MASTER_NODE_UID_HEADER = "master-node-uid"
# The label of the second signature a key rotation carries: the new key proving it is held.
NEW_KEY_LABEL = "fuelstats-new-key"


def _base64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def public_key_text(public_key: Ed25519PublicKey) -> str:
    """The raw 32-byte public key, base64url without padding (the ``x`` of its RFC 8037 JWK)."""
    return _base64url(public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))


def parse_public_key(text: str) -> Ed25519PublicKey:
    """The key ``public_key_text`` wrote; ValueError for anything that is not one."""
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError) as error:
        raise ValueError(f"not base64url: {error}") from None
    if len(raw) != 32 or _base64url(raw) != text:
        raise ValueError("an Ed25519 public key is 32 bytes, base64url without padding")
    return Ed25519PublicKey.from_public_bytes(raw)


def key_id(public_key: Ed25519PublicKey) -> str:
    """The key's JWK thumbprint (RFC 7638): SHA-256 of its canonical JWK, base64url."""
    canonical = json.dumps({"crv": "Ed25519", "kty": "OKP", "x": public_key_text(public_key)},
                           separators=(",", ":"), sort_keys=True)
    return _base64url(hashlib.sha256(canonical.encode("ascii")).digest())


def new_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def private_key_pem(private_key: Ed25519PrivateKey) -> bytes:
    return private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                     serialization.NoEncryption())


def load_private_key_pem(pem: bytes) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("not an Ed25519 private key")
    return key


@dataclass
class HttpMessage:
    """What the library reads of a request: its method, absolute URL and header field lines."""

    method: str
    url: str
    headers: Any  # items() of (name, value); signing also sets headers on it


def sign(message: HttpMessage, private_key: Ed25519PrivateKey, body: bytes, *, label: str = LABEL,
         created: dt.datetime | None = None, nonce: str | None = None, append: bool = False) -> None:
    """Add the profile's signature (and the body's Content-Digest) to ``message``'s headers."""
    kid = key_id(private_key.public_key())
    signer = HTTPMessageSigner(signature_algorithm=ALGORITHM,
                               key_resolver=MappingKeyResolver(public_keys={}, private_keys={kid: private_key}))
    signer.sign(message, key_id=kid, label=label, tag=TAG, created=created or dt.datetime.now(dt.UTC),
                nonce=nonce or secrets.token_urlsafe(16), covered_component_ids=COVERED_COMPONENTS, body=body,
                use_existing_digest=append, append_if_signature_exists=append)


class FieldLines:
    """Header field lines as received, in order, read-only: what a verifier is given."""

    def __init__(self, lines: Iterable[tuple[str, str]]) -> None:
        self.lines = list(lines)

    def items(self) -> list[tuple[str, str]]:
        return self.lines

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys(name for name, _ in self.lines))

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and any(field.lower() == name.lower() for field, _ in self.lines)
