"""The analytics' own tables, in a database of their own (FUELSTATS_ANALYTICS_DATABASE_URL).

Accounts, their browser sessions and API tokens, the login throttle, the audit trail and the
asynchronous jobs (with procrastinate's queue) belong to the analytics, not to the statistics: they live beside the collector's database in the same
PostgreSQL cluster (so the standby and the backups carry them: docs/backups.md), migrated by their
own Alembic history (``migrations/``, version table ``analytics_alembic_version``).

No secret is stored as it is: passwords as Argon2id hashes, session and API tokens as SHA-256
digests (docs/authentication.md says why each).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import BigInteger, Boolean, CheckConstraint, DateTime, ForeignKey, Identity, Index, Integer, MetaData
from sqlalchemy import Text, Uuid, func, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s",
    "pk": "pk_%(table_name)s",
}
ROLES = ("viewer", "admin")
VERSION_TABLE = "analytics_alembic_version"
# procrastinate's own tables, types and functions (the jobs' queue, docs/jobs.md): its schema, applied by
# a migration of ours, described by no model of ours.
QUEUE_PREFIX = "procrastinate_"
JOB_KINDS = ("export", "report")
JOB_STATES = ("queued", "running", "succeeded", "failed", "cancelled", "expired")
PENDING_JOB_STATES = ("queued", "running")


def described_here(name: str | None, type_: str, parent_names: Mapping[str, str | None]) -> bool:
    """Alembic's ``include_name`` when models are compared with the database: everything but procrastinate's."""
    return not (type_ == "table" and name is not None and name.startswith(QUEUE_PREFIX))


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _created_at() -> Mapped[dt.datetime]:
    return mapped_column(DateTime(timezone=True), server_default=func.now())


class User(Base):
    """An account: a name (lower case), a role, and a password hash unless it signs in otherwise."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint(f"role IN {ROLES!r}", name="role"),)

    id: Mapped[int] = mapped_column(Integer, Identity(), primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    role: Mapped[str] = mapped_column(Text)
    password_hash: Mapped[str | None] = mapped_column(Text)
    disabled: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    created_at: Mapped[dt.datetime] = _created_at()
    password_changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class Session(Base):
    """A browser session: the cookie holds a random token, this row only its digest."""

    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    token_digest: Mapped[str] = mapped_column(Text, unique=True)
    user_id: Mapped[int] = mapped_column(Integer, ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = _created_at()
    last_seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    address: Mapped[str | None] = mapped_column(Text)


class ApiToken(Base):
    """A token for scripts (``Authorization: Bearer``): shown once, kept as its digest, with a role and an end.

    Its id is random, so that ids tell nobody how many tokens there are, nor lead to anyone's.
    """

    __tablename__ = "api_tokens"
    __table_args__ = (CheckConstraint(f"role IN {ROLES!r}", name="role"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, server_default=func.gen_random_uuid())
    token_digest: Mapped[str] = mapped_column(Text, unique=True)
    user_id: Mapped[int] = mapped_column(Integer, ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = _created_at()
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class LoginThrottle(Base):
    """Failed logins per account name (``account:NAME``) or client address (``address:ADDR``).

    Kept in the database so that every gunicorn worker counts the same failures.
    """

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    window_started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class AuditEvent(Base):
    """Who did what, from where: logins, failed logins, logouts, tokens, private exports, key resets."""

    __tablename__ = "audit_events"
    __table_args__ = (Index(None, "at"), Index(None, "event", "at"))

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    event: Mapped[str] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(Text)
    address: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))


class Job(Base):
    """An export or a report made by a worker (docs/jobs.md): whose, what, how far, and its result's file.

    procrastinate's job (``queue_job_id``) is what a worker takes and retries; this row is what the user
    sees and what a worker reports into. Its id is random, like a token's. Identical pending jobs of
    one user are one: ``dedupe_key`` is unique among queued and running jobs.
    """

    __tablename__ = "jobs"
    __table_args__ = (
        CheckConstraint(f"kind IN {JOB_KINDS!r}", name="kind"),
        CheckConstraint(f"state IN {JOB_STATES!r}", name="state"),
        Index("uq_jobs_pending_dedupe_key", "dedupe_key", unique=True,
              postgresql_where=text(f"state IN {PENDING_JOB_STATES!r}")),
        Index(None, "user_id", "created_at"),
        Index(None, "state"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, server_default=func.gen_random_uuid())
    user_id: Mapped[int] = mapped_column(Integer, ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    parameters: Mapped[dict[str, Any]] = mapped_column(JSONB)
    dedupe_key: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(Text, server_default=text("'queued'"))
    queue_job_id: Mapped[int | None] = mapped_column(BigInteger)
    attempts: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    rows_done: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    rows_estimate: Mapped[int | None] = mapped_column(BigInteger)
    bytes_done: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    error: Mapped[str | None] = mapped_column(Text)
    result_file: Mapped[str | None] = mapped_column(Text)
    result_bytes: Mapped[int | None] = mapped_column(BigInteger)
    result_sha256: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = _created_at()
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
