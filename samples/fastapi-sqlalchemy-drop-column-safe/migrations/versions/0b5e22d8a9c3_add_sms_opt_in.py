"""add sms opt-in

Revision ID: 0b5e22d8a9c3
Revises: 7f3a91c2d4e1
"""
import sqlalchemy as sa
from alembic import op

revision = "0b5e22d8a9c3"
down_revision = "7f3a91c2d4e1"


def upgrade():
    with op.batch_alter_table("customers") as batch_op:
        # expect: ddl customers.sms_opt_in @migration
        batch_op.add_column(
            sa.Column("sms_opt_in", sa.Boolean(), nullable=False, server_default=sa.text("false"))
        )


def downgrade():
    with op.batch_alter_table("customers") as batch_op:
        batch_op.drop_column("sms_opt_in")
