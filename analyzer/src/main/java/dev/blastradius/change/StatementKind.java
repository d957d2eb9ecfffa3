package dev.blastradius.change;

/** What a migration statement is, for rules about transactions, settings and mixed changes. */
public enum StatementKind {
  /** Schema definition and maintenance: CREATE, ALTER, DROP, REINDEX, VACUUM, … */
  DDL,
  /** INSERT, UPDATE, DELETE, MERGE, COPY … FROM, TRUNCATE. */
  DATA_CHANGE,
  /** SELECT and other statements that only read. */
  QUERY,
  /** BEGIN, COMMIT, ROLLBACK, SAVEPOINT, … */
  TRANSACTION,
  /** SET, RESET. */
  SESSION,
  /** Anything else we recognised (GRANT, COMMENT, DO blocks, …) or could not read. */
  OTHER
}
