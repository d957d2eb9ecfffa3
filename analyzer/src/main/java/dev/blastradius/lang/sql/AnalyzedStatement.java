package dev.blastradius.lang.sql;

import dev.blastradius.change.RowUpdate;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.change.SessionSetting;
import dev.blastradius.change.StatementKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.schema.TableRef;
import java.util.List;
import java.util.Optional;

/**
 * One statement of an analysed SQL text: its span within the text, what it does, and whether we
 * could read it.
 *
 * @param startLine 1-based line within the analysed text
 * @param startColumn 1-based column within that line
 * @param endLine last line (the semicolon's, when there is one)
 * @param endColumn column just after the last character
 * @param calls the user-defined functions and procedures the statement calls (known to the catalog)
 * @param scheduled pg_cron jobs the statement schedules
 * @param kind what the statement is, from its first words
 * @param transactionCommand for transaction control: BEGIN, COMMIT, ROLLBACK, …
 * @param setting for SET/RESET: the setting
 * @param problem why the statement is unanalysed, set exactly when status is UNANALYSED
 * @param rowUpdate for an UPDATE of one table, its shape (for the backfill rules)
 */
public record AnalyzedStatement(
    String text,
    int startLine,
    int startColumn,
    int endLine,
    int endColumn,
    ParseStatus status,
    List<SchemaChange> changes,
    List<ColumnUse> uses,
    List<TableRef> calls,
    List<ScheduledSql> scheduled,
    StatementKind kind,
    Optional<String> transactionCommand,
    Optional<SessionSetting> setting,
    Optional<String> problem,
    Optional<RowUpdate> rowUpdate) {

  public AnalyzedStatement {
    changes = List.copyOf(changes);
    uses = List.copyOf(uses);
    calls = List.copyOf(calls);
    scheduled = List.copyOf(scheduled);
  }

  /**
   * The same statement {@code lines} lines further down, for SQL found inside a larger text (a
   * function body), with its uses no surer than {@code cap}.
   */
  public AnalyzedStatement movedDown(int lines, Confidence cap) {
    return new AnalyzedStatement(
        text,
        startLine + lines,
        startColumn,
        endLine + lines,
        endColumn,
        status,
        changes,
        uses.stream().map(u -> u.atMost(cap)).toList(),
        calls,
        scheduled,
        kind,
        transactionCommand,
        setting,
        problem,
        rowUpdate);
  }

  /** The same statement without uses, calls or jobs: a change under review, not running code. */
  public AnalyzedStatement changesOnly() {
    return new AnalyzedStatement(
        text,
        startLine,
        startColumn,
        endLine,
        endColumn,
        status,
        changes,
        List.of(),
        List.of(),
        List.of(),
        kind,
        transactionCommand,
        setting,
        problem,
        rowUpdate);
  }
}
