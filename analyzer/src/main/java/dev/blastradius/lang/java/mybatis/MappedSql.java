package dev.blastradius.lang.java.mybatis;

import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.sql.AnalyzedStatement;
import dev.blastradius.lang.sql.ColumnUse;
import dev.blastradius.lang.sql.ParseStatus;
import dev.blastradius.lang.sql.SqlAnalysis;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Analyses the SQL of one mapped statement and records its accesses at the statement's site. A
 * statement with {@code <choose>} is rendered once per branch; when the rendering with every {@code
 * <if>} does not parse (two alternative {@code ORDER BY}s), each {@code <if>} is tried on its own.
 * The uses of all renderings are merged, so each column appears once per kind with the surest
 * confidence any rendering gave it. Columns a result map names are read by the statement. An INSERT
 * with {@code <if>}s is also rendered without them: a column it names only inside an {@code <if>}
 * (or a {@code <choose>} branch) is written, but rows may be created without it, so it is not an
 * inserting write.
 */
final class MappedSql {

  /** More renderings than this and a statement is not worth enumerating further. */
  private static final int MAX_RENDERINGS = 32;

  /**
   * Where the accesses go.
   *
   * @param cap the confidence ceiling of the host (LIKELY when the statement is found by name)
   */
  record Site(
      FileFacts.Builder facts,
      String unitId,
      Location location,
      String snippet,
      ExtractContext context,
      Confidence cap) {}

  private MappedSql() {}

  /**
   * Renders, analyses and records a statement.
   *
   * @param render the statement rendered under a variant
   * @param resultColumns the result-set columns the statement's result maps read, lower case
   */
  static void record(
      Site site,
      Function<DynamicSql.Variant, DynamicSql.Rendering> render,
      Set<String> resultColumns) {
    DynamicSql.Rendering primary = render.apply(DynamicSql.Variant.DEFAULT);
    List<DynamicSql.Rendering> renderings = new ArrayList<>(List.of(primary));
    for (Map.Entry<XmlNode.Element, Integer> choose : primary.chooses().entrySet()) {
      for (int branch = 1;
          branch < choose.getValue() && renderings.size() < MAX_RENDERINGS;
          branch++) {
        renderings.add(render.apply(new DynamicSql.Variant(Map.of(choose.getKey(), branch), null)));
      }
    }
    List<SqlAnalysis> analyses = new ArrayList<>();
    List<Confidence> ceilings = new ArrayList<>();
    for (DynamicSql.Rendering rendering : renderings) {
      analyses.add(analyze(site, rendering));
      ceilings.add(ceiling(site, rendering));
    }
    if (!unanalysed(analyses.get(0)) && inserts(analyses.get(0)) && !primary.ifs().isEmpty()) {
      DynamicSql.Rendering bare = render.apply(new DynamicSql.Variant(Map.of(), Set.of()));
      analyses.add(analyze(site, bare));
      ceilings.add(ceiling(site, bare));
    }
    boolean recovered = false;
    boolean lone = LoneClauses.any(primary.sql());
    if (unanalysed(analyses.get(0)) && (lone || !primary.ifs().isEmpty())) {
      List<DynamicSql.Rendering> retries = new ArrayList<>();
      if (lone) {
        retries.add(primary);
      }
      if (!primary.ifs().isEmpty()) {
        retries.add(render.apply(new DynamicSql.Variant(Map.of(), Set.of())));
        for (XmlNode.Element alone : primary.ifs()) {
          if (retries.size() + renderings.size() < MAX_RENDERINGS) {
            retries.add(render.apply(new DynamicSql.Variant(Map.of(), Set.of(alone))));
          }
        }
      }
      if (lone) {
        // A ${dataScope} standing alone splices a whole clause in at run time: read the rest.
        retries.replaceAll(LoneClauses::without);
      }
      recovered = true;
      for (DynamicSql.Rendering retry : retries) {
        SqlAnalysis analysis = analyze(site, retry);
        recovered &= !unanalysed(analysis);
        analyses.add(analysis);
        ceilings.add(ceiling(site, retry));
      }
    }
    HostedSql.record(
        site.facts(),
        merged(analyses, ceilings, recovered, resultColumns, site),
        site.unitId(),
        Via.MYBATIS,
        Confidence.CERTAIN,
        s -> site.location(),
        s -> site.snippet(),
        "extract");
  }

  private static SqlAnalysis analyze(Site site, DynamicSql.Rendering rendering) {
    return site.context().sql().analyze(rendering.sql().text(), site.context().catalog());
  }

  private static Confidence ceiling(Site site, DynamicSql.Rendering rendering) {
    return rendering.sql().complete() && !rendering.partial() ? site.cap() : Confidence.POSSIBLE;
  }

  private static boolean inserts(SqlAnalysis analysis) {
    return analysis.statements().stream()
        .flatMap(s -> s.uses().stream())
        .anyMatch(ColumnUse::inserts);
  }

  /** The columns every rendering that parsed and inserts rows supplies; null when none inserts. */
  private static Set<ColumnRef> alwaysInserted(List<SqlAnalysis> analyses) {
    Set<ColumnRef> always = null;
    for (SqlAnalysis analysis : analyses) {
      if (unanalysed(analysis) || !inserts(analysis)) {
        continue;
      }
      Set<ColumnRef> supplied = new LinkedHashSet<>();
      analysis.statements().stream()
          .flatMap(s -> s.uses().stream())
          .filter(ColumnUse::inserts)
          .forEach(u -> supplied.add(u.column()));
      if (always == null) {
        always = supplied;
      } else {
        always.retainAll(supplied);
      }
    }
    return always;
  }

  private static boolean unanalysed(SqlAnalysis analysis) {
    return analysis.statements().stream().anyMatch(s -> s.status() == ParseStatus.UNANALYSED);
  }

  /**
   * The first rendering's statements, the first carrying every rendering's uses and calls. When the
   * retries recovered what the first rendering could not parse, its statements count as fallback,
   * without a problem.
   */
  private static SqlAnalysis merged(
      List<SqlAnalysis> analyses,
      List<Confidence> ceilings,
      boolean recovered,
      Set<String> resultColumns,
      Site site) {
    Map<String, ColumnUse> uses = new LinkedHashMap<>();
    Set<dev.blastradius.schema.TableRef> calls = new LinkedHashSet<>();
    for (int i = 0; i < analyses.size(); i++) {
      for (AnalyzedStatement statement : analyses.get(i).statements()) {
        calls.addAll(statement.calls());
        for (ColumnUse use : statement.uses()) {
          ColumnUse capped = use.atMost(ceilings.get(i));
          uses.merge(key(capped), capped, MappedSql::surer);
        }
      }
    }
    Set<ColumnRef> always = alwaysInserted(analyses);
    List<ColumnUse> conditional = new ArrayList<>();
    for (ColumnUse use : uses.values()) {
      boolean sometimes = use.inserts() && always != null && !always.contains(use.column());
      conditional.add(
          sometimes
              ? new ColumnUse(
                  use.column(),
                  use.kind(),
                  use.confidence(),
                  use.implicit(),
                  use.throughView(),
                  false)
              : use);
    }
    List<ColumnUse> all = ResultColumns.apply(conditional, resultColumns, site);
    List<AnalyzedStatement> first = analyses.get(0).statements();
    List<AnalyzedStatement> statements = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      AnalyzedStatement s = first.get(i);
      boolean fixed = recovered && s.status() == ParseStatus.UNANALYSED;
      statements.add(
          new AnalyzedStatement(
              s.text(),
              s.startLine(),
              s.startColumn(),
              s.endLine(),
              s.endColumn(),
              fixed ? ParseStatus.FALLBACK : s.status(),
              s.changes(),
              i == 0 ? all : List.of(),
              i == 0 ? List.copyOf(calls) : List.of(),
              s.scheduled(),
              s.kind(),
              s.transactionCommand(),
              s.setting(),
              fixed ? Optional.empty() : s.problem(),
              s.rowUpdate()));
    }
    return new SqlAnalysis(statements, analyses.get(0).catalogAfter());
  }

  private static String key(ColumnUse use) {
    return use.column() + "\n" + use.kind() + "\n" + use.throughView();
  }

  /** One use for two renderings: the surer confidence; inserting when either rendering inserts. */
  private static ColumnUse surer(ColumnUse a, ColumnUse b) {
    return new ColumnUse(
        a.column(),
        a.kind(),
        a.confidence().strongest(b.confidence()),
        a.implicit() && b.implicit(),
        a.throughView(),
        a.inserts() || b.inserts());
  }

  /** The result-map reads of a statement, applied to the uses its SQL gave. */
  static final class ResultColumns {
    private ResultColumns() {}

    /**
     * A result-map column the SQL reads only through {@code *} becomes an explicit read; one the
     * SQL cannot show (its table unknown to the catalog) is read from the one table the statement
     * selects {@code *} from, as LIKELY.
     */
    static List<ColumnUse> apply(List<ColumnUse> uses, Set<String> columns, Site site) {
      if (columns.isEmpty()) {
        return uses;
      }
      List<ColumnUse> result = new ArrayList<>(uses);
      List<ColumnUse> stars =
          uses.stream()
              .filter(u -> u.kind() == AccessKind.READ && u.implicit())
              .filter(u -> u.column().column().equals(ColumnRef.TABLE_LEVEL))
              .toList();
      for (String column : columns) {
        String name = site.context().sql().identifiers().normalize(column);
        List<ColumnUse> reads =
            uses.stream()
                .filter(u -> u.kind() == AccessKind.READ && u.column().column().equals(name))
                .toList();
        if (reads.stream().anyMatch(u -> !u.implicit())) {
          continue;
        }
        if (reads.size() == 1) {
          ColumnUse read = reads.get(0);
          result.set(
              result.indexOf(read),
              new ColumnUse(
                  read.column(),
                  read.kind(),
                  read.confidence(),
                  false,
                  read.throughView(),
                  read.inserts()));
        } else if (reads.isEmpty() && stars.size() == 1) {
          ColumnUse star = stars.get(0);
          result.add(
              new ColumnUse(
                  star.column().tableRef().column(name),
                  AccessKind.READ,
                  star.confidence().weakest(Confidence.LIKELY),
                  false,
                  star.throughView()));
        }
      }
      return result;
    }
  }
}
