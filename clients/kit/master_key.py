"""The master node's signing key: made once by `fuelstats-master init`, kept readable by its owner only.

The key is an Ed25519 private key, PEM, in FUELSTATS_MASTER_KEY_FILE (mode 0600, in a folder of mode
0700 when the kit makes it). A file another user may read is refused, as ssh refuses one: a key
others could have copied proves nothing. Each request to the collector is signed with it by
`MasterKeyAuth`, an httpx Auth the generated client runs for every request
(fuelstats_common.signatures holds the profile both sides agree on). The collector trusts the first
key a master node enrolls (docs/security.md); `rotate_key` replaces it with a request signed by
both the old and the new key, and only then puts the new one in place.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Generator
from pathlib import Path

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fuelstats_common import signatures


class KeyFileError(Exception):
    """The key file cannot be used as it is; the message says why, for a person."""


def _write_private(path: Path, pem: bytes) -> None:
    """Write ``pem`` to ``path`` that no other user can read at any moment (made 0600, synced, renamed)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(pem)
            file.flush()
            os.fsync(file.fileno())
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def load_key(path: Path) -> Ed25519PrivateKey | None:
    """The master's key, or None when there is none (a master not initialised with a key: it sends unsigned)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise KeyFileError(f"{path} may be read by other users (mode {stat.filemode(mode)}): chmod 600 it, or make"
                           " a new key (the old one may have been copied)")
    try:
        return signatures.load_private_key_pem(path.read_bytes())
    except ValueError as error:
        raise KeyFileError(f"{path} holds no Ed25519 private key: {error}") from None


def ensure_key(path: Path) -> Ed25519PrivateKey:
    """The key in ``path``, made the first time (the master's at `fuelstats-master init`)."""
    key = load_key(path)
    if key is None:
        key = signatures.new_private_key()
        _write_private(path, signatures.private_key_pem(key))
    return key


def pending_path(path: Path) -> Path:
    """Where a rotation keeps the new key until the collector has taken it."""
    return path.with_name(path.name + ".new")


def new_pending_key(path: Path) -> Ed25519PrivateKey:
    """The new key of a rotation: the one a rotation cut short left, or a new one."""
    return ensure_key(pending_path(path))


def complete_rotation(path: Path) -> None:
    """The collector has the new key: it becomes the key."""
    pending_path(path).replace(path)


class MasterKeyAuth(httpx.Auth):
    """Signs every request with ``key`` (and, for a rotation, with ``new_key`` too)."""

    requires_request_body = True

    def __init__(self, key: Ed25519PrivateKey, new_key: Ed25519PrivateKey | None = None) -> None:
        self.key = key
        self.new_key = new_key

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        message = signatures.HttpMessage(request.method, str(request.url), request.headers)
        # A retry after a redirect or a lost answer is a new request: a new created time and nonce.
        for name in ("Signature", "Signature-Input", "Content-Digest"):
            request.headers.pop(name, None)
        signatures.sign(message, self.key, request.content)
        if self.new_key is not None:
            signatures.sign(message, self.new_key, request.content, label=signatures.NEW_KEY_LABEL, append=True)
        yield request
