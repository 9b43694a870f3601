"""Accounts, and how a request proves which one it is: a password once, then a session or an API token.

- **Passwords** are hashed with Argon2id (argon2-cffi, its defaults: RFC 9106's second recommended
  profile, 64 MiB and 3 passes, about 0.1 s here): slow on purpose, since people choose guessable ones.
- **Session and API tokens** are 256 random bits. Only their SHA-256 digest is stored: nobody can
  guess 2^256 values, so a slow hash would buy nothing and cost every request its 0.1 s.
- **Logins** fail alike, whatever failed (unknown name, wrong password, disabled account): the same
  message, and the same Argon2 work (a dummy hash for names nobody has), so neither the answer nor
  its timing tells which names exist. Failures are counted per account name and per client address
  in the database (every worker sees the same counts); too many within FUELSTATS_LOGIN_LOCKOUT and
  that name or address waits, told how long (429, Retry-After), before its password is even looked at.
- **Roles**: ``viewer`` reads the reports, the search and the UI; ``admin`` also the private part. A
  token acts with its own role, never more than its user's at the time it is used.

Whoever a request is, is a ``Principal``; ``find_user`` is the lookup other parts (jobs owned by
users) build on.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import re
import secrets
import uuid
from dataclasses import dataclass
from typing import Any, Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, RowMapping

from fuelstats.analytics import accountstore as store
from fuelstats.analytics import audit
from fuelstats.analytics.models import ROLES
from fuelstats.core.errors import Refused

Role = Literal["viewer", "admin"]
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._@-]{0,63}$")
# NIST SP 800-63B: length is what makes a password strong; no composition rules. The upper bound
# keeps a megabyte "password" from costing more than a normal one.
MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024
TOKEN_PREFIX = "fst_"  # says what a leaked string is (secret scanners can look for it); not secret
# A session's last_seen_at moves at most once a minute: the idle timeout needs no finer clock.
TOUCH_SESSION_AFTER = 60
# A token's use is recorded (last_used_at, and a "token-used" audit row) at most once per token in
# this many seconds: a script polling every few seconds would otherwise write a row per request; the
# request log still names the user of every request.
TOKEN_USE_EVERY = 900
WRONG_CREDENTIALS = "wrong user name or password"
# RFC 6750: what a 401 tells a client to send.
CHALLENGE = 'Bearer realm="fuel-stats analytics"'

_hasher = PasswordHasher()


@dataclass(frozen=True)
class Principal:
    """Who a request is: a user, acting with ``role`` (a token's may be lower than its user's)."""

    user_id: int
    name: str
    role: Role
    via: Literal["session", "token"]
    token_id: str | None = None

    def may(self, required: Role) -> bool:
        return ROLES.index(self.role) >= ROLES.index(required)


@dataclass(frozen=True)
class Actor:
    """Who asks for a change, for the audit and for what they may do: a principal, or the operator
    at the command line (``principal`` None), who has the database and so every right."""

    name: str
    address: str | None = None
    principal: Principal | None = None

    @property
    def is_admin(self) -> bool:
        return self.principal is None or self.principal.may("admin")

    def may_manage(self, owner: str) -> bool:
        return self.is_admin or (self.principal is not None and self.principal.name == owner)


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: Role
    disabled: bool
    has_password: bool
    created_at: dt.datetime

    @classmethod
    def of(cls, row: RowMapping) -> User:
        return cls(row["id"], row["name"], row["role"], row["disabled"], row["password_hash"] is not None,
                   row["created_at"])


@dataclass(frozen=True)
class LoginPolicy:
    session_lifetime: int
    idle_timeout: int
    account_failures: int
    address_failures: int
    lockout: int


@dataclass(frozen=True)
class OpenedSession:
    token: str  # the cookie's value: secret, never stored nor logged
    expires_at: dt.datetime
    principal: Principal


def find_user(connection: Connection | Engine, name: str) -> User | None:
    """The account named ``name`` (any case), or None."""
    if isinstance(connection, Engine):
        with connection.connect() as opened:
            return find_user(opened, name)
    row = store.user_named(connection, name.strip().lower())
    return User.of(row) if row is not None else None


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def csrf_token(session_token: str) -> str:
    """The session's CSRF token: derived from the session's own secret, so it is bound to that session,
    needs no storage, and tells nothing about the session token (HMAC is one-way)."""
    return hmac.new(session_token.encode(), b"fuelstats-csrf", hashlib.sha256).hexdigest()


def csrf_matches(session_token: str, sent: str | None) -> bool:
    return sent is not None and hmac.compare_digest(csrf_token(session_token), sent)


# --- users --------------------------------------------------------------------------------------------

def checked_name(name: str) -> str:
    normal = name.strip().lower()
    if not NAME_PATTERN.match(normal):
        raise Refused(400, "a user name is 1 to 64 letters, digits and . _ @ -, starting with a letter or digit",
                      rule="user-name", path="$.name")
    return normal


def _checked_password(password: str) -> str:
    if not MIN_PASSWORD_LENGTH <= len(password) <= MAX_PASSWORD_LENGTH:
        raise Refused(400, f"a password has {MIN_PASSWORD_LENGTH} to {MAX_PASSWORD_LENGTH} characters",
                      rule="password-length", path="$.password")
    return password


def _existing(connection: Connection, name: str) -> RowMapping:
    row = store.user_named(connection, name.strip().lower())
    if row is None:
        raise Refused(404, f"there is no user {name!r}", rule="known-user", path="$.name")
    return row


def add_user(engine: Engine, name: str, role: Role, password: str | None, actor: Actor) -> User:
    """A new account; without a password it cannot log in until one is set."""
    name = checked_name(name)
    hashed = _hasher.hash(_checked_password(password)) if password is not None else None
    with engine.begin() as connection:
        row = store.insert_user(connection, name, role, hashed)
        if row is None:
            raise Refused(409, f"there is a user {name!r} already", rule="unique-user", path="$.name")
        audit.record(connection, "user-added", actor=actor.name, address=actor.address, user=name, role=role)
    return User.of(row)


def users(engine: Engine) -> list[User]:
    with engine.connect() as connection:
        return [User.of(row) for row in store.users(connection)]


def set_password(engine: Engine, name: str, password: str, actor: Actor) -> None:
    """A new password; the user's sessions end (whoever knew the old one is logged out)."""
    hashed = _hasher.hash(_checked_password(password))
    with engine.begin() as connection:
        row = _existing(connection, name)
        store.update_user(connection, row["name"], password_hash=hashed)
        store.delete_sessions_of(connection, row["id"])
        audit.record(connection, "password-reset", actor=actor.name, address=actor.address, user=row["name"])


def set_disabled(engine: Engine, name: str, disabled: bool, actor: Actor) -> None:
    """Disable (or enable again) an account: its sessions end at once and its tokens stop working."""
    with engine.begin() as connection:
        row = _existing(connection, name)
        store.update_user(connection, row["name"], disabled=disabled)
        if disabled:
            store.delete_sessions_of(connection, row["id"])
        audit.record(connection, "user-disabled" if disabled else "user-enabled", actor=actor.name,
                     address=actor.address, user=row["name"])


def grant(engine: Engine, name: str, role: Role, actor: Actor) -> None:
    """Give a user a role; it holds from the user's next request (sessions and tokens read it each time)."""
    with engine.begin() as connection:
        row = _existing(connection, name)
        store.update_user(connection, row["name"], role=role)
        audit.record(connection, "role-granted", actor=actor.name, address=actor.address, user=row["name"],
                     role=role, previous_role=row["role"])


# --- logins and sessions ----------------------------------------------------------------------------

@functools.cache
def dummy_hash() -> str:
    """A hash of nothing anyone knows, with the real parameters: checked for unknown names, so that a
    login with one costs what a login with a real name costs (made when the app starts, so that the
    first such login does not cost a hash more)."""
    return _hasher.hash(secrets.token_urlsafe(32))


def _verify(password_hash: str | None, password: str) -> bool:
    try:
        _hasher.verify(password_hash or dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return False
    return password_hash is not None


def _throttle_keys(name: str, address: str | None) -> tuple[str, str]:
    # By the name as typed (normalised): unknown names are throttled exactly like real ones.
    return f"account:{name.strip().lower()[:128]}", f"address:{address or 'unknown'}"


def _retry_after(until: dt.datetime, now: dt.datetime) -> str:
    return str(max(1, int((until - now).total_seconds() + 0.999)))


def login(engine: Engine, policy: LoginPolicy, name: str, password: str, address: str | None) -> OpenedSession:
    """A new session for the right name and password; Refused 401 for anything else, 429 when throttled."""
    account_key, address_key = _throttle_keys(name, address)
    with engine.begin() as connection:
        until = store.throttled_until(connection, [account_key, address_key])
        if until is not None:
            retry_after = _retry_after(until, store.database_now(connection))
            audit.record(connection, "login-throttled", actor=None, address=address)
        user = store.user_named(connection, name.strip().lower())
    if until is not None:
        raise Refused(429, "too many failed logins: try again later", rule="login-throttle",
                      headers={"Retry-After": retry_after})
    # The Argon2 work (0.1 s) holds no connection.
    if _verify(user["password_hash"] if user is not None else None, password) and not user["disabled"]:
        rehashed = _hasher.hash(password) if _hasher.check_needs_rehash(user["password_hash"]) else None
        return _open_session(engine, policy, user, account_key, address, rehashed)
    with engine.begin() as connection:
        store.count_failure(connection, account_key, policy.account_failures, policy.lockout)
        store.count_failure(connection, address_key, policy.address_failures, policy.lockout)
        # A name nobody has may be a password typed in the wrong field: it is not recorded.
        audit.record(connection, "login-failed", actor=user["name"] if user is not None else None, address=address,
                     known_user=user is not None)
    raise Refused(401, WRONG_CREDENTIALS, rule="credentials", headers={"WWW-Authenticate": CHALLENGE})


def _open_session(engine: Engine, policy: LoginPolicy, user: RowMapping, account_key: str, address: str | None,
                  rehashed: str | None) -> OpenedSession:
    token = secrets.token_urlsafe(32)
    with engine.begin() as connection:
        store.clear_failures(connection, account_key)
        store.delete_ended_sessions(connection, policy.idle_timeout)
        store.delete_old_throttles(connection, policy.lockout)
        if rehashed is not None:  # hashed again with the parameters of today
            store.update_user(connection, user["name"], password_hash=rehashed)
        expires_at = store.insert_session(connection, digest(token), user["id"], policy.session_lifetime, address)
        audit.record(connection, "login", actor=user["name"], address=address)
    return OpenedSession(token, expires_at, Principal(user["id"], user["name"], user["role"], "session"))


def session_principal(engine: Engine, policy: LoginPolicy, token: str) -> Principal | None:
    """Who the session token is, if its session is live (not expired, not idle too long, user enabled)."""
    with engine.begin() as connection:
        row = store.live_session(connection, digest(token), policy.idle_timeout, TOUCH_SESSION_AFTER)
    return Principal(row["id"], row["name"], row["role"], "session") if row is not None else None


def logout(engine: Engine, token: str, principal: Principal, address: str | None) -> None:
    with engine.begin() as connection:
        if store.delete_session(connection, digest(token)):
            audit.record(connection, "logout", actor=principal.name, address=address)


# --- API tokens -------------------------------------------------------------------------------------

def create_token(engine: Engine, actor: Actor, *, owner: str, name: str, role: Role | None,
                 days: int) -> tuple[str, dict[str, Any]]:
    """A new token of ``owner``'s (its role: ``role``, at most the owner's and the asker's; by default
    the highest of those), valid ``days`` days; the token itself (shown this once) and what is kept of it.
    The asker's own role counts: a viewer token of an admin's must not make an admin token."""
    if not actor.may_manage(owner):
        raise Refused(403, "only an admin makes tokens for another user", rule="role", path="$.user")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with engine.begin() as connection:
        user = _existing(connection, owner)
        ceiling = user["role"] if actor.principal is None else min(user["role"], actor.principal.role, key=ROLES.index)
        role = role or ceiling
        if ROLES.index(role) > ROLES.index(ceiling):
            whose = "its user" if ceiling == user["role"] else "the token that asks for it"
            raise Refused(400, f"a token cannot have more rights than {whose} ({ceiling})", rule="token-role",
                          path="$.role")
        made = store.insert_token(connection, digest(secret), user["id"], name, role, days, actor.name)
        audit.record(connection, "token-created", actor=actor.name, address=actor.address, token_id=made["id"],
                     user=user["name"], role=role, name=name)
    return secret, token_view(made)


def tokens(engine: Engine, actor: Actor, owner: str | None) -> list[dict[str, Any]]:
    """The tokens of ``owner`` (everyone's when None, for an admin or the operator)."""
    if not (actor.may_manage(owner) if owner is not None else actor.is_admin):
        raise Refused(403, "only an admin sees another user's tokens", rule="role", path="query.owner")
    with engine.connect() as connection:
        return [token_view(row) for row in store.tokens(connection, owner)]


def revoke_token(engine: Engine, actor: Actor, token_id: str) -> dict[str, Any]:
    """The token stops working at once; revoking it again changes nothing."""
    with engine.begin() as connection:
        found = store.token_by_id(connection, token_id) if _is_uuid(token_id) else None
        # Someone else's token is answered as no token at all.
        if found is None or not actor.may_manage(found["user"]):
            raise Refused(404, f"there is no token {token_id} of yours", rule="known-token", path="path.token_id")
        if store.revoke_token(connection, token_id):
            audit.record(connection, "token-revoked", actor=actor.name, address=actor.address, token_id=token_id,
                         user=found["user"])
            found = store.token_by_id(connection, token_id)
    return token_view(found)  # type: ignore[arg-type]


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def token_principal(engine: Engine, token: str, address: str | None) -> Principal | None:
    """Who the API token is, if it is live; its use recorded (at most once per TOKEN_USE_EVERY)."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    with engine.begin() as connection:
        row = store.live_token(connection, digest(token), TOKEN_USE_EVERY)
        if row is None:
            return None
        # Written only when due (a write per request otherwise); the update checks again, so that of
        # workers that found it due together exactly one records the use.
        if row["stale"] and store.note_token_use(connection, row["token_id"], TOKEN_USE_EVERY):
            audit.record(connection, "token-used", actor=row["name"], address=address, token_id=row["token_id"])
    role = min(row["token_role"], row["role"], key=ROLES.index)
    return Principal(row["id"], row["name"], role, "token", row["token_id"])


def token_view(row: RowMapping) -> dict[str, Any]:
    """A token as the API and the command line show it: everything but the token."""
    return {key: value.isoformat() if isinstance(value, dt.datetime) else value for key, value in row.items()
            if value is not None}
