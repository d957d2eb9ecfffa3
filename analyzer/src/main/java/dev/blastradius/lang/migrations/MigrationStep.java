package dev.blastradius.lang.migrations;

import dev.blastradius.change.SchemaChange;

/** One thing a migration does, in order: run SQL, or make a structured change (Liquibase). */
public sealed interface MigrationStep {

  /**
   * SQL to run, laid out like the file (lines that do not apply are blank), so statement lines are
   * file lines.
   */
  record Sql(String text) implements MigrationStep {}

  /**
   * A change declared without SQL (a Liquibase {@code addColumn}).
   *
   * @param line the 1-based line of the declaration
   * @param statement a stable text of the declaration, for fingerprints and snippets
   */
  record Change(SchemaChange change, int line, String statement) implements MigrationStep {}
}
