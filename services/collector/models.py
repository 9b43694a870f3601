"""The collector's tables. Alembic migrations (``migrations/versions``) create them; these mirror them.

Every table carries ``xact_id``, the id of the transaction that last wrote the row. Readers that
follow the tables incrementally (the ETL) use it with PostgreSQL's snapshot functions to see each
committed row exactly once, also when transactions commit out of the order of ids or timestamps.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Sequence,
    Text,
    Time,
    UniqueConstraint,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.dialects.postgresql import base as postgresql_base
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import UserDefinedType

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "pk": "pk_%(table_name)s",
}


class Xid8(UserDefinedType[str]):
    """PostgreSQL's 64-bit transaction id; psycopg2 reads it as a string of digits."""

    cache_ok = True

    def get_col_spec(self, **kw: Any) -> str:
        return "xid8"


# So that reflection (Alembic's comparisons) knows the type too.
postgresql_base.ischema_names["xid8"] = Xid8


def _xact_id_column() -> Mapped[str]:
    return mapped_column(Xid8(), nullable=False, server_default=text("pg_current_xact_id()"))


def _verified_column() -> Mapped[bool]:
    """Whether a request signed by the master node's enrolled key wrote the row (docs/security.md)."""
    return mapped_column(Boolean, server_default=text("false"))


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ActionLogKey(Base):
    """Which action logs are stored: the unique key that the time-partitioned table cannot hold."""

    __tablename__ = "action_log_keys"

    master_node_uid: Mapped[str] = mapped_column(Text, primary_key=True)
    external_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    verified: Mapped[bool] = _verified_column()


class ActionLog(Base):
    """One action (an API request or a Nailgun task) of a master node; partitioned by month received."""

    __tablename__ = "action_logs"
    __table_args__ = (
        Index(None, "xact_id", "id"),
        Index(None, "master_node_uid", "external_id"),
        # The ETL counts each environment's failed deployments before a success.
        Index("ix_action_logs_deployments", "master_node_uid", "external_id",
              postgresql_where=text("action_name = 'deployment'")),
        {"postgresql_partition_by": "RANGE (received_at)"},
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    received_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), primary_key=True, server_default=func.now()
    )
    master_node_uid: Mapped[str] = mapped_column(Text)
    external_id: Mapped[int] = mapped_column(BigInteger)
    action_type: Mapped[str | None] = mapped_column(Text)
    action_name: Mapped[str | None] = mapped_column(Text)
    body: Mapped[dict[str, Any]] = mapped_column(JSONB)
    verified: Mapped[bool] = _verified_column()
    xact_id: Mapped[str] = _xact_id_column()


class InstallationStructure(Base):
    """The current structure of one master node's installation (its clusters, nodes, releases...)."""

    __tablename__ = "installation_structures"
    __table_args__ = (Index(None, "xact_id", "id"), Index(None, "creation_date"), Index(None, "modification_date"))

    id: Mapped[int] = mapped_column(Integer, Identity(), primary_key=True)
    master_node_uid: Mapped[str] = mapped_column(Text, unique=True)
    structure: Mapped[dict[str, Any]] = mapped_column(JSONB)  # compressed with lz4 (migration 0007)
    release: Mapped[str | None] = mapped_column(Text, index=True)
    is_filtered: Mapped[bool] = mapped_column(Boolean, server_default=text("false"), index=True)
    creation_date: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    modification_date: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    verified: Mapped[bool] = _verified_column()
    xact_id: Mapped[str] = _xact_id_column()


class OswlStat(Base):
    """One OpenStack workload record: the state of one resource type of one cluster on one day."""

    __tablename__ = "oswl_stats"
    __table_args__ = (
        UniqueConstraint("master_node_uid", "external_id", "resource_type"),
        Index(None, "xact_id", "id"),
        Index(None, "created_date"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    master_node_uid: Mapped[str] = mapped_column(Text)
    external_id: Mapped[int] = mapped_column(BigInteger)
    cluster_id: Mapped[int] = mapped_column(BigInteger)
    created_date: Mapped[dt.date] = mapped_column(Date)
    updated_time: Mapped[dt.time] = mapped_column(Time)
    resource_type: Mapped[str] = mapped_column(Text)
    resource_checksum: Mapped[str] = mapped_column(Text)
    resource_data: Mapped[dict[str, Any]] = mapped_column(JSONB)
    version_info: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    verified: Mapped[bool] = _verified_column()
    xact_id: Mapped[str] = _xact_id_column()


class EtlCheckpoint(Base):
    """How far the ETL has carried one stream into Elasticsearch (kept here, on the primary).

    ``done_snapshot`` is the PostgreSQL snapshot (``pg_snapshot`` as text) whose rows are all indexed.
    A pass in progress indexes the rows visible in ``pass_snapshot`` and not in ``done_snapshot``, in
    (xact_id, id) order; ``pass_after_xact_id`` / ``pass_after_id`` say where a killed pass resumes.
    Snapshots are the primary's; ``pass_lsn`` is the primary's WAL position when ``pass_snapshot``
    was taken, which a standby must have replayed before the pass reads there (docs/etl.md).
    """

    __tablename__ = "etl_checkpoints"

    stream: Mapped[str] = mapped_column(Text, primary_key=True)
    done_snapshot: Mapped[str] = mapped_column(Text, server_default=text("'1:1:'"))
    pass_snapshot: Mapped[str | None] = mapped_column(Text)
    pass_after_xact_id: Mapped[str | None] = mapped_column(Xid8())
    pass_after_id: Mapped[int | None] = mapped_column(BigInteger)
    indexed: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    pass_lsn: Mapped[str | None] = mapped_column(Text)


class EtlDeadLetter(Base):
    """A document Elasticsearch refused for good (docs/etl.md): parked here so that its stream goes on.

    ``stream`` and ``source_id`` name the row it was made from (``id`` of the stream's table),
    ``kind`` the index it was meant for. Written again when the same document is refused again
    (``attempts``, ``last_seen``); removed once Elasticsearch accepts it (a later version of its
    row, or ``fuelstats etl reindex``).
    """

    __tablename__ = "etl_dead_letters"

    stream: Mapped[str] = mapped_column(Text, primary_key=True)
    document_id: Mapped[str] = mapped_column(Text, primary_key=True)
    kind: Mapped[str] = mapped_column(Text)
    source_id: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(Text)
    first_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    attempts: Mapped[int] = mapped_column(Integer, server_default=text("1"))


class FailureReport(Base):
    """A deployment task that failed on a master node whose customer left a contact (docs/failure-reports.md).

    ``report`` holds the sanitized task, installation and action log as sent; the columns copied
    out of it are the ones the support team filters and reads by.
    """

    __tablename__ = "failure_reports"
    __table_args__ = (
        # A retried request carries the same report_id: stored, and so notified, once.
        UniqueConstraint("master_node_uid", "report_id"),
        Index(None, "xact_id", "id"),
        Index(None, "received_at"),
        Index(None, "release"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    master_node_uid: Mapped[str] = mapped_column(Text)
    report_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    release: Mapped[str] = mapped_column(Text)
    cluster_id: Mapped[int | None] = mapped_column(BigInteger)
    task_uuid: Mapped[str] = mapped_column(Text)
    task_name: Mapped[str] = mapped_column(Text)
    error_message: Mapped[str] = mapped_column(Text)
    contact: Mapped[dict[str, Any]] = mapped_column(JSONB)
    report: Mapped[dict[str, Any]] = mapped_column(JSONB)
    verified: Mapped[bool] = _verified_column()
    xact_id: Mapped[str] = _xact_id_column()


NOTIFICATION_CHANNELS = ("email", "webhook")


class FailureNotification(Base):
    """The outbox: one notification of one failure report on one channel, written with the report.

    Delivered rows keep ``delivered_at``; the others wait for ``next_attempt_at``. A dispatcher
    claims a row with ``FOR UPDATE SKIP LOCKED``, so two workers never send the same one at once.
    """

    __tablename__ = "failure_notifications"
    __table_args__ = (
        UniqueConstraint("failure_report_id", "channel"),
        CheckConstraint(f"channel IN {NOTIFICATION_CHANNELS!r}", name="ck_failure_notifications_channel"),
        # What the dispatchers look for: only the rows still to deliver.
        Index("ix_failure_notifications_due", "next_attempt_at", postgresql_where=text("delivered_at IS NULL")),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    failure_report_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("failure_reports.id", ondelete="CASCADE", name="fk_failure_notifications_report")
    )
    channel: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    attempts: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    next_attempt_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    delivered_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)


# --- protection from spoofing (docs/security.md) ---------------------------------------------------

class MasterKey(Base):
    """A master node that enrolled a signing key: from then on only requests it signed write its records.

    The row stays when the key is reset (``public_key`` empty until the master enrolls again): a
    master node that was ever enrolled is never open to unsigned writes again.
    """

    __tablename__ = "master_keys"

    master_node_uid: Mapped[str] = mapped_column(Text, primary_key=True)
    public_key: Mapped[str | None] = mapped_column(Text)  # raw Ed25519 key, base64url
    key_id: Mapped[str | None] = mapped_column(Text)  # its RFC 7638 thumbprint, the signatures' keyid
    enrolled_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


MASTER_KEY_EVENTS = ("enrolled", "rotated", "reset")


class MasterKeyEvent(Base):
    """The audit trail of master keys: every enrolment, rotation and reset, who did it and from where."""

    __tablename__ = "master_key_events"
    __table_args__ = (
        CheckConstraint(f"event IN {MASTER_KEY_EVENTS!r}", name="ck_master_key_events_event"),
        Index(None, "master_node_uid", "id"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    master_node_uid: Mapped[str] = mapped_column(Text)
    event: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    old_key_id: Mapped[str | None] = mapped_column(Text)
    new_key_id: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(Text)  # the OS user of a CLI, the analytics' user once it has them
    address: Mapped[str | None] = mapped_column(Text)  # where the request came from
    reason: Mapped[str | None] = mapped_column(Text)


class SignatureNonce(Base):
    """Nonces of signed requests still inside the skew window: a second use is a replay.

    The primary key settles it in one statement, exactly, whatever worker gets the copy.
    """

    __tablename__ = "signature_nonces"
    __table_args__ = (Index(None, "expires_at"),)

    key_id: Mapped[str] = mapped_column(Text, primary_key=True)
    nonce: Mapped[str] = mapped_column(Text, primary_key=True)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class QuarantineCount(Base):
    """How many submissions each rule refused, per master node: counted, never derived from kept rows.

    ``master_node_uid`` is the enrolled master node the request claimed to come from, or '' for
    any other (not enrolled, or none), so a flood of made-up uids cannot grow the table.
    """

    __tablename__ = "quarantine_counts"

    rule: Mapped[str] = mapped_column(Text, primary_key=True)
    master_node_uid: Mapped[str] = mapped_column(Text, primary_key=True)
    count: Mapped[int] = mapped_column(BigInteger)
    first_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    last_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class QuarantineSample(Base):
    """The latest refused submissions, a ring of FUELSTATS_QUARANTINE_SAMPLES slots, bodies cut short.

    Each refusal takes the next number of ``quarantine_sequence`` and overwrites the slot of that
    number modulo the ring's size: the oldest sample goes first and the table never holds more rows
    than slots, under any flood.
    """

    __tablename__ = "quarantine_samples"

    slot: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    sequence: Mapped[int] = mapped_column(BigInteger)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    rule: Mapped[str] = mapped_column(Text)
    master_node_uid: Mapped[str | None] = mapped_column(Text)  # as claimed, cut short
    key_id: Mapped[str | None] = mapped_column(Text)
    method: Mapped[str] = mapped_column(Text)
    path: Mapped[str] = mapped_column(Text)
    address: Mapped[str | None] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    body: Mapped[bytes] = mapped_column(LargeBinary)  # at most FUELSTATS_QUARANTINE_BODY_BYTES
    body_bytes: Mapped[int] = mapped_column(Integer)  # the size it had


QUARANTINE_SEQUENCE = Sequence("quarantine_sequence", metadata=Base.metadata)


class ServiceSecret(Base):
    """Secrets the services share, made by the migrations: ``public_id`` keys the opaque installation ids."""

    __tablename__ = "service_secrets"

    name: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[str] = mapped_column(Text)
