package dev.blastradius.lang;

import dev.blastradius.lang.sql.AnalyzedStatement;
import java.util.List;

/** How many SQL statements we saw and how far we got with them. */
public record SqlCoverage(int statements, int parsed, int fallback, int unanalysed) {

  public static final SqlCoverage NONE = new SqlCoverage(0, 0, 0, 0);

  /** The coverage of a list of analysed statements. */
  public static SqlCoverage of(List<AnalyzedStatement> analyzed) {
    int parsed = 0;
    int fallback = 0;
    int unanalysed = 0;
    for (AnalyzedStatement statement : analyzed) {
      switch (statement.status()) {
        case PARSED -> parsed++;
        case FALLBACK -> fallback++;
        case UNANALYSED -> unanalysed++;
      }
    }
    return new SqlCoverage(analyzed.size(), parsed, fallback, unanalysed);
  }

  /** The sum of two coverages. */
  public SqlCoverage plus(SqlCoverage other) {
    return new SqlCoverage(
        statements + other.statements,
        parsed + other.parsed,
        fallback + other.fallback,
        unanalysed + other.unanalysed);
  }
}
