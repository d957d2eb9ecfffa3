"""drop customers.phone: phone numbers moved to the contacts service

Revision ID: c41d7e0f6b2a
Revises: 0b5e22d8a9c3
"""
from alembic import op

revision = "c41d7e0f6b2a"
down_revision = "0b5e22d8a9c3"


def upgrade():
    # Fail fast instead of queueing every query on the table behind the drop's lock.
    op.execute("SET lock_timeout = '5s'")
    # expect: finding drop-column-still-read ~ "customers.phone", finding drop-column-still-written ~ "customers.phone"
    op.drop_column("customers", "phone")


def downgrade():
    pass
