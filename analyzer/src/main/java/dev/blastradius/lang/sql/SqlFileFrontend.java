package dev.blastradius.lang.sql;

import dev.blastradius.graph.CodeUnit;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.LanguageFrontend;
import dev.blastradius.lang.ops.dashboards.SqlFolders;
import dev.blastradius.lang.ops.dbt.DbtModels;
import dev.blastradius.source.Language;
import dev.blastradius.source.Location;
import dev.blastradius.source.SourceFile;
import java.util.Optional;

/**
 * A {@code .sql} file that is not a migration (reports, ad-hoc queries): one code unit for the
 * file, each statement an access site. Migrations are read by the replay pass instead. Files under
 * {@code reports/}, {@code analytics/}, {@code queries/} and {@code docs/} are entry points ({@link
 * SqlFolders}); the models of a dbt project are read by {@link DbtModels}.
 */
public final class SqlFileFrontend implements LanguageFrontend {

  private final DbtModels dbt = new DbtModels();

  @Override
  public Language language() {
    return Language.SQL;
  }

  @Override
  public FileFacts extract(SourceFile file, String text, ExtractContext context) {
    // A dbt model is Jinja around SQL: see lang/ops/dbt.
    Optional<FileFacts> model = dbt.extract(file, text, context);
    if (model.isPresent()) {
      return model.get();
    }
    FileFacts.Builder facts = new FileFacts.Builder(file.path());
    String unitId = unitId(file.path());
    // Callable by its id: psql -f FILE in a shell script calls it.
    facts.unit(new CodeUnit(unitId, file.fileName(), unitId, 0, Location.ofLine(file.path(), 1)));
    SqlFolders.entryPoint(file.path()).ifPresent(e -> facts.entryPoint(unitId, e));
    SqlAnalysis analysis = context.sql().analyze(text, context.catalog());
    HostedSql.record(
        facts,
        analysis,
        unitId,
        Via.SQL,
        Confidence.CERTAIN,
        s -> statementLocation(file.path(), s),
        s -> HostedSql.snippet(s.text()),
        "extract");
    return facts.build();
  }

  /** The code unit of a whole SQL file. */
  public static String unitId(String path) {
    return "file:" + path;
  }

  /** The location of a statement of a SQL file. */
  public static Location statementLocation(String path, AnalyzedStatement statement) {
    return new Location(
        path,
        statement.startLine(),
        statement.startColumn(),
        Math.max(statement.startLine(), statement.endLine()),
        statement.endColumn());
  }
}
