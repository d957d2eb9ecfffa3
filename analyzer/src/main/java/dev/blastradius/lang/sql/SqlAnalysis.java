package dev.blastradius.lang.sql;

import dev.blastradius.schema.Catalog;
import java.util.List;

/**
 * The statements of a SQL text and the catalog after replaying their schema changes.
 *
 * @param catalogAfter the input catalog with every change of this text applied, in order
 */
public record SqlAnalysis(List<AnalyzedStatement> statements, Catalog catalogAfter) {
  public SqlAnalysis {
    statements = List.copyOf(statements);
  }
}
