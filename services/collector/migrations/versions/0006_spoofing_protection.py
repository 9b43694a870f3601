"""Protection from spoofing: enrolled master keys and their audit trail, nonces, the quarantine, and a
``verified`` mark on every stored record (docs/security.md).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Every record a master node sends; rows stored before this revision were never signed.
VERIFIED_TABLES = ("action_log_keys", "action_logs", "installation_structures", "oswl_stats", "failure_reports")


def upgrade() -> None:
    for table in VERIFIED_TABLES:
        # A constant default: PostgreSQL adds the column without rewriting the table.
        op.add_column(table, sa.Column("verified", sa.Boolean(), server_default=sa.text("false"), nullable=False))

    op.create_table(
        "master_keys",
        sa.Column("master_node_uid", sa.Text(), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=True),
        sa.Column("key_id", sa.Text(), nullable=True),
        sa.Column("enrolled_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("master_node_uid", name="pk_master_keys"),
    )
    op.create_table(
        "master_key_events",
        sa.Column("id", sa.BigInteger(), sa.Identity(), nullable=False),
        sa.Column("master_node_uid", sa.Text(), nullable=False),
        sa.Column("event", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("old_key_id", sa.Text(), nullable=True),
        sa.Column("new_key_id", sa.Text(), nullable=True),
        sa.Column("actor", sa.Text(), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_master_key_events"),
        sa.CheckConstraint("event IN ('enrolled', 'rotated', 'reset')", name="ck_master_key_events_event"),
    )
    op.create_index("ix_master_key_events_master_node_uid_id", "master_key_events", ["master_node_uid", "id"])
    op.create_table(
        "signature_nonces",
        sa.Column("key_id", sa.Text(), nullable=False),
        sa.Column("nonce", sa.Text(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key_id", "nonce", name="pk_signature_nonces"),
    )
    op.create_index("ix_signature_nonces_expires_at", "signature_nonces", ["expires_at"])
    op.create_table(
        "quarantine_counts",
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("master_node_uid", sa.Text(), nullable=False),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("last_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("rule", "master_node_uid", name="pk_quarantine_counts"),
    )
    op.create_table(
        "quarantine_samples",
        sa.Column("slot", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("sequence", sa.BigInteger(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("master_node_uid", sa.Text(), nullable=True),
        sa.Column("key_id", sa.Text(), nullable=True),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("body_bytes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("slot", name="pk_quarantine_samples"),
    )
    op.execute("CREATE SEQUENCE quarantine_sequence")
    op.create_table(
        "service_secrets",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_service_secrets"),
    )
    # The key of the opaque installation ids the public search shows: 256 random bits, made here once
    # so that every process (and the replica) has the same one without configuring it.
    op.execute("INSERT INTO service_secrets (name, value) VALUES ('public_id',"
               " encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex'))")


def downgrade() -> None:
    op.drop_table("service_secrets")
    op.execute("DROP SEQUENCE quarantine_sequence")
    op.drop_table("quarantine_samples")
    op.drop_table("quarantine_counts")
    op.drop_table("signature_nonces")
    op.drop_table("master_key_events")
    op.drop_table("master_keys")
    for table in VERIFIED_TABLES:
        op.drop_column(table, "verified")
