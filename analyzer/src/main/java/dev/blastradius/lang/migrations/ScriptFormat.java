package dev.blastradius.lang.migrations;

/** How a migration file's content is read. */
public enum ScriptFormat {
  /** Plain SQL, every statement applies. */
  SQL,
  /** dbmate: only the {@code -- migrate:up} section applies. */
  DBMATE,
  /** Liquibase changelogs in their structured formats. */
  LIQUIBASE_XML,
  LIQUIBASE_YAML,
  LIQUIBASE_JSON
}
