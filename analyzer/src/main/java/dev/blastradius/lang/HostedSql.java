package dev.blastradius.lang;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.CodeUpdate;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.sql.AnalyzedStatement;
import dev.blastradius.lang.sql.ColumnUse;
import dev.blastradius.lang.sql.SqlAnalysis;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Location;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Places the results of the SQL frontend at code sites: each column use becomes an {@link Access}
 * at the location the host chooses (the SQL statement in a {@code .sql} file, the host statement in
 * Java), each unanalysed statement a problem.
 */
public final class HostedSql {

  /**
   * Stands for a part of a dynamically built SQL string that we could not evaluate. It is a valid
   * SQL identifier, so the rest of the statement still parses; uses that mention it are dropped.
   */
  public static final String DYNAMIC_PART = "blastradius_dynamic";

  /** The maximum snippet length in characters. */
  public static final int SNIPPET_LENGTH = 100;

  private HostedSql() {}

  /**
   * Records the accesses and problems of an analysed SQL text into {@code facts}.
   *
   * @param unitId the code unit that issues the SQL
   * @param via how the SQL reaches the database
   * @param cap the confidence ceiling (POSSIBLE for partly evaluated dynamic SQL)
   * @param siteOf where each statement's accesses are reported
   * @param snippetOf the display text of each statement's site
   * @param pass the pass name for problems
   */
  public static void record(
      FileFacts.Builder facts,
      SqlAnalysis analysis,
      String unitId,
      Via via,
      Confidence cap,
      Function<AnalyzedStatement, Location> siteOf,
      Function<AnalyzedStatement, String> snippetOf,
      String pass) {
    facts.coverage(SqlCoverage.of(analysis.statements()));
    for (AnalyzedStatement statement : analysis.statements()) {
      Location site = siteOf.apply(statement);
      statement
          .problem()
          .ifPresent(
              p -> facts.problem(new AnalysisProblem(site.path(), pass, p, site.startLine())));
      String snippet = snippetOf.apply(statement);
      statement.calls().forEach(f -> facts.call(RoutineUnits.call(unitId, f)));
      statement
          .rowUpdate()
          // A part we could not evaluate may hold the row choice: the shape would prove nothing.
          .filter(u -> !statement.text().contains(DYNAMIC_PART))
          .ifPresent(u -> facts.update(new CodeUpdate(site, u)));
      for (ColumnUse use : statement.uses()) {
        if (mentionsDynamicPart(use)) {
          continue;
        }
        ColumnUse capped = use.atMost(cap);
        facts.access(
            new UnitAccess(
                unitId,
                new Access(
                    capped.column(),
                    capped.kind(),
                    capped.throughView() ? Via.VIEW : via,
                    capped.confidence(),
                    capped.implicit(),
                    site,
                    snippet,
                    List.of(),
                    capped.inserts())));
      }
    }
  }

  /** A name built around a dynamic part ({@code audit_${month}}) is not the name it starts with. */
  private static boolean mentionsDynamicPart(ColumnUse use) {
    return use.column().table().contains(DYNAMIC_PART)
        || use.column().column().contains(DYNAMIC_PART)
        || use.column().schema().equals(DYNAMIC_PART);
  }

  /**
   * Whitespace-collapsed text, shortened to {@link #SNIPPET_LENGTH} characters with an ellipsis.
   */
  public static String snippet(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() <= SNIPPET_LENGTH ? flat : flat.substring(0, SNIPPET_LENGTH - 1) + "…";
  }

  /** First words of SQL a frontend accepts from a receiver whose type it could not see. */
  private static final Set<String> UNTYPED_SQL_LEADERS =
      Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "MERGE", "UPSERT", "REPLACE");

  /**
   * Whether a string handed to a call whose receiver type is unknown is SQL: it starts with a
   * statement that reads or writes rows ({@link #leadingWord}).
   */
  public static boolean looksLikeSql(String text) {
    return UNTYPED_SQL_LEADERS.contains(leadingWord(text));
  }

  /**
   * The first word of SQL text in a host language, upper case; empty when the text (after leading
   * blanks) starts with something else. Frontends use it to tell SQL from other strings when the
   * receiver of the call does not prove it.
   */
  public static String leadingWord(String text) {
    String stripped = text.stripLeading();
    int end = 0;
    while (end < stripped.length() && Character.isLetter(stripped.charAt(end))) {
      end++;
    }
    return stripped.substring(0, end).toUpperCase(java.util.Locale.ROOT);
  }
}
