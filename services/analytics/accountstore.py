"""Every SQL statement on the analytics' own database: accounts, sessions, API tokens, the login
throttle and the audit trail (the collector's database has its own module, ``storage.py``).

Tokens arrive here as digests only. Times are the database's (``now()``), so that every gunicorn
worker, and every host, agrees on when a session ends or a throttle lifts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, RowMapping, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.sql import bindparam

# --- users ------------------------------------------------------------------------------------------

_USER_COLUMNS = "id, name, role, password_hash, disabled, created_at, password_changed_at"


def user_named(connection: Connection, name: str) -> RowMapping | None:
    return connection.execute(text(f"SELECT {_USER_COLUMNS} FROM users WHERE name = :name"),
                              {"name": name}).mappings().first()


def users(connection: Connection) -> list[RowMapping]:
    return list(connection.execute(text(f"SELECT {_USER_COLUMNS} FROM users ORDER BY name")).mappings())


def insert_user(connection: Connection, name: str, role: str, password_hash: str | None) -> RowMapping | None:
    """The new user, or None when the name is taken."""
    return connection.execute(
        text(f"INSERT INTO users (name, role, password_hash, password_changed_at) VALUES (:name, :role, :hash, now())"
             f" ON CONFLICT (name) DO NOTHING RETURNING {_USER_COLUMNS}"),
        {"name": name, "role": role, "hash": password_hash}).mappings().first()


def update_user(connection: Connection, name: str, **values: Any) -> RowMapping | None:
    """Set columns of a user (role, disabled, password_hash); None when there is no such user."""
    assignments = ", ".join(f"{column} = :{column}" for column in values)
    if "password_hash" in values:
        assignments += ", password_changed_at = now()"
    return connection.execute(
        text(f"UPDATE users SET {assignments} WHERE name = :name RETURNING {_USER_COLUMNS}"),
        {"name": name, **values}).mappings().first()


# --- sessions ---------------------------------------------------------------------------------------

def insert_session(connection: Connection, digest: str, user_id: int, lifetime: int, address: str | None) -> dt.datetime:
    """A new session; when it ends at the latest."""
    return connection.execute(  # type: ignore[no-any-return]
        text("INSERT INTO sessions (token_digest, user_id, expires_at, address)"
             " VALUES (:digest, :user_id, now() + make_interval(secs => :lifetime), :address) RETURNING expires_at"),
        {"digest": digest, "user_id": user_id, "lifetime": lifetime, "address": address}).scalar_one()


def live_session(connection: Connection, digest: str, idle_timeout: int, touch_after: int) -> RowMapping | None:
    """The session's user if the session is neither expired nor idle too long and its user is enabled;
    its ``last_seen_at`` moved to now when it is older than ``touch_after`` seconds (one write a
    minute per session, not one per request)."""
    found = connection.execute(
        text("SELECT s.id AS session_id, s.expires_at, s.last_seen_at < now() - make_interval(secs => :touch) AS stale,"
             " u.id, u.name, u.role"
             " FROM sessions s JOIN users u ON u.id = s.user_id"
             " WHERE s.token_digest = :digest AND s.expires_at > now()"
             " AND s.last_seen_at > now() - make_interval(secs => :idle) AND NOT u.disabled"),
        {"digest": digest, "idle": idle_timeout, "touch": touch_after}).mappings().first()
    if found is not None and found["stale"]:
        connection.execute(text("UPDATE sessions SET last_seen_at = now() WHERE id = :id"), {"id": found["session_id"]})
    return found


def delete_session(connection: Connection, digest: str) -> bool:
    return connection.execute(text("DELETE FROM sessions WHERE token_digest = :digest"),
                              {"digest": digest}).rowcount > 0


def delete_sessions_of(connection: Connection, user_id: int) -> int:
    return connection.execute(text("DELETE FROM sessions WHERE user_id = :id"), {"id": user_id}).rowcount


def delete_ended_sessions(connection: Connection, idle_timeout: int) -> int:
    return connection.execute(
        text("DELETE FROM sessions WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(secs => :idle)"),
        {"idle": idle_timeout}).rowcount


# --- API tokens -------------------------------------------------------------------------------------

_TOKEN_COLUMNS = ("CAST(t.id AS text) AS id, t.name, u.name AS user, t.role, t.created_by, t.created_at, t.expires_at, t.last_used_at,"
                  " t.revoked_at, CASE WHEN t.revoked_at IS NOT NULL THEN 'revoked' WHEN t.expires_at <= now()"
                  " THEN 'expired' ELSE 'live' END AS state")


def insert_token(connection: Connection, digest: str, user_id: int, name: str, role: str, days: int,
                 created_by: str) -> RowMapping:
    created = connection.execute(
        text("INSERT INTO api_tokens (token_digest, user_id, name, role, created_by, expires_at)"
             " VALUES (:digest, :user_id, :name, :role, :created_by, now() + make_interval(days => :days))"
             " RETURNING CAST(id AS text)"),
        {"digest": digest, "user_id": user_id, "name": name, "role": role, "created_by": created_by, "days": days},
    ).scalar_one()
    return token_by_id(connection, created)  # type: ignore[return-value]


def token_by_id(connection: Connection, token_id: str) -> RowMapping | None:
    return connection.execute(
        text(f"SELECT {_TOKEN_COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id"
             " WHERE t.id = CAST(:id AS uuid)"),
        {"id": token_id}).mappings().first()


def tokens(connection: Connection, user_name: str | None) -> list[RowMapping]:
    """Every token of one user (of everyone when None), newest first, revoked and expired ones too."""
    return list(connection.execute(
        text(f"SELECT {_TOKEN_COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id"
             " WHERE CAST(:user AS text) IS NULL OR u.name = :user ORDER BY t.created_at DESC, t.id DESC"),
        {"user": user_name}).mappings())


def revoke_token(connection: Connection, token_id: str) -> bool:
    return connection.execute(
        text("UPDATE api_tokens SET revoked_at = now() WHERE id = CAST(:id AS uuid) AND revoked_at IS NULL"),
        {"id": token_id}
    ).rowcount > 0


def live_token(connection: Connection, digest: str, use_every: int) -> RowMapping | None:
    """The token and its user when it is neither revoked nor expired and its user is enabled; ``stale``
    when its use was last noted more than ``use_every`` seconds ago (note_token_use is due)."""
    return connection.execute(
        text("SELECT CAST(t.id AS text) AS token_id, t.role AS token_role, u.id, u.name, u.role,"
             " (t.last_used_at IS NULL OR t.last_used_at <= now() - make_interval(secs => :every)) AS stale"
             " FROM api_tokens t JOIN users u ON u.id = t.user_id"
             " WHERE t.token_digest = :digest AND t.revoked_at IS NULL AND t.expires_at > now() AND NOT u.disabled"),
        {"digest": digest, "every": use_every}).mappings().first()


def note_token_use(connection: Connection, token_id: str, every: int) -> bool:
    """Move the token's ``last_used_at`` to now if it is older than ``every`` seconds; whether it moved
    (in one statement, so that of several workers exactly one says so)."""
    return connection.execute(
        text("UPDATE api_tokens SET last_used_at = now() WHERE id = CAST(:id AS uuid)"
             " AND (last_used_at IS NULL OR last_used_at <= now() - make_interval(secs => :every))"),
        {"id": token_id, "every": every}).rowcount > 0


# --- login throttle ---------------------------------------------------------------------------------

def throttled_until(connection: Connection, keys: list[str]) -> dt.datetime | None:
    """When the last of these keys' throttles lifts, or None when none holds."""
    return connection.execute(  # type: ignore[no-any-return]
        text("SELECT max(locked_until) FROM login_throttle WHERE key IN :keys AND locked_until > now()")
        .bindparams(bindparam("keys", expanding=True)), {"keys": keys}).scalar_one()


def count_failure(connection: Connection, key: str, limit: int, window: int) -> bool:
    """One more failed login for ``key`` in its window (a new window when the last one is over);
    ``limit`` failures within it throttle the key for ``window`` seconds. Whether it is throttled now."""
    throttled = connection.execute(
        text("""
            INSERT INTO login_throttle AS t (key, failures, window_started_at) VALUES (:key, 1, now())
            ON CONFLICT (key) DO UPDATE SET
                failures = CASE WHEN t.window_started_at <= now() - make_interval(secs => :window) THEN 1
                                ELSE t.failures + 1 END,
                window_started_at = CASE WHEN t.window_started_at <= now() - make_interval(secs => :window)
                                         THEN now() ELSE t.window_started_at END
            RETURNING failures >= :limit"""),
        {"key": key, "limit": limit, "window": window}).scalar_one()
    if throttled:
        connection.execute(text("UPDATE login_throttle SET locked_until = now() + make_interval(secs => :window)"
                                " WHERE key = :key"), {"key": key, "window": window})
    return bool(throttled)


def clear_failures(connection: Connection, key: str) -> None:
    connection.execute(text("DELETE FROM login_throttle WHERE key = :key"), {"key": key})


def delete_old_throttles(connection: Connection, window: int) -> int:
    return connection.execute(
        text("DELETE FROM login_throttle WHERE window_started_at <= now() - make_interval(secs => :window)"
             " AND (locked_until IS NULL OR locked_until <= now())"), {"window": window}).rowcount


def database_now(connection: Connection) -> dt.datetime:
    return connection.execute(text("SELECT now()")).scalar_one()  # type: ignore[no-any-return]


# --- audit ------------------------------------------------------------------------------------------

def insert_event(connection: Connection, event: str, actor: str | None, address: str | None,
                 details: dict[str, Any]) -> None:
    connection.execute(
        text("INSERT INTO audit_events (event, actor, address, details) VALUES (:event, :actor, :address, :details)")
        .bindparams(bindparam("details", type_=JSONB)),
        {"event": event, "actor": actor, "address": address, "details": details})


def events_page(connection: Connection, event: str | None, actor: str | None, offset: int,
                limit: int) -> tuple[int, list[RowMapping]]:
    """The audit trail, newest first, of one kind of event and one actor when named."""
    where = ("(CAST(:event AS text) IS NULL OR event = :event) AND (CAST(:actor AS text) IS NULL OR actor = :actor)")
    parameters = {"event": event, "actor": actor}
    total = connection.execute(text(f"SELECT count(*) FROM audit_events WHERE {where}"), parameters).scalar_one()
    rows = connection.execute(
        text(f"SELECT id, at, event, actor, address, details FROM audit_events WHERE {where}"
             " ORDER BY at DESC, id DESC OFFSET :offset LIMIT :limit"),
        {**parameters, "offset": offset, "limit": limit}).mappings()
    return total, list(rows)
