package dev.blastradius.lang.migrations;

/** How a migration file's content is read. */
public enum ScriptFormat {
  /** Plain SQL, every statement applies. */
  SQL,
  /**
   * Plain SQL run by SQLite or libSQL (a Drizzle journal whose dialect is {@code sqlite} or {@code
   * turso}): SQLite's own statements are read too, and the locking rules of Postgres and MySQL do
   * not apply.
   */
  SQLITE,
  /** dbmate: only the {@code -- migrate:up} section applies. */
  DBMATE,
  /**
   * Liquibase formatted SQL ({@code --liquibase formatted sql}): only {@code --changeset} bodies
   * apply.
   */
  LIQUIBASE_SQL,
  /** Liquibase changelogs in their structured formats. */
  LIQUIBASE_XML,
  LIQUIBASE_YAML,
  LIQUIBASE_JSON,
  /** A Knex migration (JavaScript/TypeScript): its {@code up} function's schema calls. */
  KNEX,
  /** A TypeORM migration class: the {@code queryRunner.query} SQL of its {@code up}. */
  TYPEORM,
  /**
   * Django migrations ({@code app/migrations/0002_x.py}): steps prepared by the layout from the
   * operations and the model state before them. The files are also application code: their {@code
   * RunPython} functions are read by the Python frontend.
   */
  DJANGO,
  /**
   * Alembic revisions ({@code versions/ab12_x.py}): steps prepared by the layout from the
   * operations of {@code upgrade()}.
   */
  ALEMBIC
}
