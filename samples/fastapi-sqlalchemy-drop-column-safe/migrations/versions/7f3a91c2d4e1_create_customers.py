"""create customers

Revision ID: 7f3a91c2d4e1
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "7f3a91c2d4e1"
down_revision = None


def upgrade():
    # expect: ddl customers.id @migration, ddl customers.email @migration, ddl customers.name @migration, ddl customers.phone @migration
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sa.String(length=255), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=32)),
    )
    # expect: ddl customers.email @migration
    op.create_index("ix_customers_email", "customers", ["email"], unique=True)


def downgrade():
    op.drop_index("ix_customers_email", table_name="customers")
    op.drop_table("customers")
