from alembic import context
from sqlalchemy import engine_from_config, pool

from app.db import Base
from app import models  # noqa: F401  (registers the tables on Base.metadata)

target_metadata = Base.metadata


def run_migrations_online():
    connectable = engine_from_config(
        context.config.get_section(context.config.config_ini_section), poolclass=pool.NullPool
    )
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
