"""Alembic's entry point: runs on the connection `database.migrate` passes.

There is no alembic.ini; the registry is migrated from code, by `init`.
"""

from __future__ import annotations

from alembic import context

from hpia.registry.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata)
with context.begin_transaction():
    context.run_migrations()
