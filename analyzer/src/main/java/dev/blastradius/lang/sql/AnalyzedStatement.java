package dev.blastradius.lang.sql;

import dev.blastradius.change.SchemaChange;
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
 * @param problem why the statement is unanalysed, set exactly when status is UNANALYSED
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
    Optional<String> problem) {

  public AnalyzedStatement {
    changes = List.copyOf(changes);
    uses = List.copyOf(uses);
  }
}
