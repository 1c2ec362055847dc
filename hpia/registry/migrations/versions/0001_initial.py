"""The registry's first tables, and the triggers that keep the log append-only.

Revision ID: 0001
Revises: none
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "operation_log",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("user", sa.String(length=60), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("target", sa.String(length=200), nullable=False),
        sa.Column("conditions", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=200), nullable=False),
        sa.Column("prev_mac", sa.String(length=64), nullable=False),
        sa.Column("mac", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_operation_log")),
    )
    op.create_table(
        "operation_log_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("mac", sa.String(length=64), nullable=False),
        sa.Column("seal", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operation_log_head")),
    )
    op.create_table(
        "persons",
        sa.Column("atena", sa.String(length=20), nullable=False),
        sa.Column("number_sealed", sa.LargeBinary(), nullable=False),
        sa.Column("number_hash", sa.LargeBinary(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("birth", sa.Date(), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("moved_out_on", sa.Date(), nullable=True),
        sa.Column("died_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("atena", name=op.f("pk_persons")),
        sa.UniqueConstraint("number_hash", name=op.f("uq_persons_number_hash")),
    )
    op.create_table(
        "settings",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_settings")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("name", name=op.f("uq_users_name")),
    )
    op.create_table(
        "records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("atena", sa.String(length=20), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("dose", sa.Integer(), nullable=False),
        sa.Column("caution", sa.Boolean(), nullable=False),
        sa.Column("infected", sa.Boolean(), nullable=False),
        sa.Column("before_move_in", sa.Boolean(), nullable=False),
        sa.Column("method", sa.String(length=40), nullable=False),
        sa.Column("content", sa.String(length=100), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("age", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.Column("clinic", sa.String(length=100), nullable=False),
        sa.Column("examiner", sa.String(length=60), nullable=False),
        sa.Column("vaccinator", sa.String(length=60), nullable=False),
        sa.Column("lot", sa.String(length=30), nullable=False),
        sa.Column("maker", sa.String(length=60), nullable=False),
        sa.Column("billing_month", sa.String(length=7), nullable=False),
        sa.Column("subsidy", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["atena"],
            ["persons.atena"],
            name=op.f("fk_records_atena_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_records")),
        sa.UniqueConstraint(
            "atena", "category", "dose", "given_on", name=op.f("uq_records_atena")
        ),
    )
    op.create_index(op.f("ix_records_atena"), "records", ["atena"], unique=False)
    op.create_index(op.f("ix_records_given_on"), "records", ["given_on"], unique=False)
    _forbid_log_changes()


def downgrade() -> None:
    _allow_log_changes()
    op.drop_index(op.f("ix_records_given_on"), table_name="records")
    op.drop_index(op.f("ix_records_atena"), table_name="records")
    op.drop_table("records")
    op.drop_table("users")
    op.drop_table("settings")
    op.drop_table("persons")
    op.drop_table("operation_log_head")
    op.drop_table("operation_log")


# The operation log is append-only in the database itself, not only in
# hpia's code: UPDATE and DELETE on it fail for every client.
_REFUSAL = "operation_log is append-only"


def _forbid_log_changes() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION operation_log_refuse() RETURNS trigger "
            f"LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{_REFUSAL}'; END $$"
        )
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER operation_log_no_{event.lower()} "
                f"BEFORE {event} ON operation_log "
                "FOR EACH ROW EXECUTE FUNCTION operation_log_refuse()"
            )
        return
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER operation_log_no_{event.lower()} "
            f"BEFORE {event} ON operation_log "
            f"BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END"
        )


def _allow_log_changes() -> None:
    for event in ("update", "delete"):
        if op.get_bind().dialect.name == "postgresql":
            op.execute(f"DROP TRIGGER operation_log_no_{event} ON operation_log")
        else:
            op.execute(f"DROP TRIGGER operation_log_no_{event}")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION operation_log_refuse()")
