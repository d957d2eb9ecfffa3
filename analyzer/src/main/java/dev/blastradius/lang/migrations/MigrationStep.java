package dev.blastradius.lang.migrations;

import dev.blastradius.change.SchemaChange;

/**
 * One thing a migration does, in order: run SQL, make a structured change (Liquibase), or something
 * we could not replay.
 */
public sealed interface MigrationStep {

  /**
   * SQL to run, laid out like the file (lines that do not apply are blank), so statement lines are
   * file lines.
   *
   * @param path the report-relative file whose lines {@code text} follows (a Liquibase {@code
   *     sqlFile}), or null for the migration file itself
   * @param line when positive, every statement is reported at this line: the text's lines are not
   *     the file's (SQL in a JSON string, or SQL generated from a Liquibase {@code insert})
   * @param whole the tool sends the text as one statement (Liquibase {@code splitStatements:false}
   *     or an {@code endDelimiter} piece); we still split it at top-level semicolons, which is only
   *     the same thing where the database runs several statements sent as one (Postgres)
   * @param sqlite the SQL runs on SQLite or libSQL, so their own statements are read too
   */
  record Sql(String text, String path, int line, boolean whole, boolean sqlite)
      implements MigrationStep {

    /** SQL for the run's dialect. */
    public Sql(String text, String path, int line, boolean whole) {
      this(text, path, line, whole, false);
    }

    /** SQL laid out like the migration file, split into statements as usual. */
    public Sql(String text) {
      this(text, null, 0, false);
    }
  }

  /**
   * A change declared without SQL (a Liquibase {@code addColumn}).
   *
   * @param line the 1-based line of the declaration
   * @param statement a stable text of the declaration, for fingerprints and snippets
   */
  record Change(SchemaChange change, int line, String statement) implements MigrationStep {}

  /**
   * Something the migration does that we could not replay (an unknown Liquibase change type): the
   * catalog and graph may be missing its effects, so it is reported as a problem.
   *
   * @param line the 1-based line, or 0 when unknown
   * @param cause a one-line, user-facing reason
   */
  record NotReplayed(int line, String cause) implements MigrationStep {}
}
