package dev.blastradius.pipeline;

import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.Migration;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.graph.CodeUnit;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.migrations.FlywayLayout;
import dev.blastradius.lang.migrations.MigrationScript;
import dev.blastradius.lang.sql.AnalyzedStatement;
import dev.blastradius.lang.sql.SqlAnalysis;
import dev.blastradius.lang.sql.SqlFileFrontend;
import dev.blastradius.lang.sql.SqlFrontend;
import dev.blastradius.schema.Catalog;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Location;
import dev.blastradius.source.SourceFile;
import dev.blastradius.source.SourceText;
import java.util.ArrayList;
import java.util.List;

/**
 * The replay pass: finds the applied migrations, orders them the way their tool does, and replays
 * them into a {@link Catalog}. Their statements are also accesses, reached from a {@code migration}
 * entry point. Then the proposed migrations are read on top of that catalog; their changes are what
 * {@code check} judges.
 */
final class ReplaySchema {

  /**
   * What replay produced.
   *
   * @param catalog the schema after the applied history, before the proposal
   * @param historyFacts accesses and problems of the applied migrations
   * @param proposed the proposed migrations' changes, in order
   * @param proposedFacts problems and coverage of the proposed files (no accesses: they are the
   *     change, not the code)
   * @param migrationFiles the applied migration files, which Extract must not read again
   */
  record Result(
      Catalog catalog,
      List<FileFacts> historyFacts,
      List<Migration> proposed,
      List<FileFacts> proposedFacts,
      List<SourceFile> migrationFiles) {}

  private ReplaySchema() {}

  static Result run(List<SourceFile> files, List<SourceFile> proposedFiles, SqlFrontend sql) {
    List<MigrationScript> history = new ArrayList<>();
    for (SourceFile file : files) {
      FlywayLayout.recognise(file).ifPresent(history::add);
    }
    history.sort(FlywayLayout.ORDER);
    Catalog catalog = Catalog.empty();
    List<FileFacts> historyFacts = new ArrayList<>();
    for (MigrationScript script : history) {
      Read read = read(script.file(), catalog, sql, true);
      historyFacts.add(read.facts());
      catalog = read.analysis() == null ? catalog : read.analysis().catalogAfter();
    }
    Catalog before = catalog;
    List<Migration> proposed = new ArrayList<>();
    List<FileFacts> proposedFacts = new ArrayList<>();
    for (SourceFile file : proposedFiles) {
      Read read = read(file, catalog, sql, false);
      proposedFacts.add(read.facts());
      if (read.analysis() != null) {
        proposed.add(migration(file, read.analysis()));
        catalog = read.analysis().catalogAfter();
      }
    }
    return new Result(
        before,
        historyFacts,
        proposed,
        proposedFacts,
        history.stream().map(MigrationScript::file).toList());
  }

  private record Read(FileFacts facts, SqlAnalysis analysis) {}

  /** Reads one migration; applied ones also yield accesses from a migration entry point. */
  private static Read read(SourceFile file, Catalog catalog, SqlFrontend sql, boolean applied) {
    SourceText text = SourceText.read(file);
    FileFacts.Builder facts = new FileFacts.Builder(file.path());
    text.problem().ifPresent(facts::problem);
    String pass = applied ? "replay" : "check";
    SqlAnalysis analysis;
    try {
      analysis = sql.analyze(text.text(), catalog);
    } catch (RuntimeException | StackOverflowError e) {
      facts.problem(
          new AnalysisProblem(
              file.path(), pass, "An exception was thrown by blastradius: " + e, 0));
      return new Read(facts.build(), null);
    }
    if (applied) {
      String unitId = SqlFileFrontend.unitId(file.path());
      Location start = Location.ofLine(file.path(), 1);
      facts.unit(new CodeUnit(unitId, file.fileName(), file.fileName(), -1, start));
      facts.entryPoint(unitId, new EntryPoint(EntryPointKind.MIGRATION, file.fileName(), start));
      HostedSql.record(
          facts,
          analysis,
          unitId,
          Via.SQL,
          Confidence.CERTAIN,
          s -> SqlFileFrontend.statementLocation(file.path(), s),
          s -> HostedSql.snippet(s.text()),
          pass);
    } else {
      HostedSql.record(
          facts,
          new SqlAnalysis(withoutUses(analysis.statements()), analysis.catalogAfter()),
          SqlFileFrontend.unitId(file.path()),
          Via.SQL,
          Confidence.CERTAIN,
          s -> SqlFileFrontend.statementLocation(file.path(), s),
          s -> "",
          pass);
    }
    return new Read(facts.build(), analysis);
  }

  private static List<AnalyzedStatement> withoutUses(List<AnalyzedStatement> statements) {
    return statements.stream()
        .map(
            s ->
                new AnalyzedStatement(
                    s.text(),
                    s.startLine(),
                    s.startColumn(),
                    s.endLine(),
                    s.endColumn(),
                    s.status(),
                    s.changes(),
                    List.of(),
                    s.problem()))
        .toList();
  }

  private static Migration migration(SourceFile file, SqlAnalysis analysis) {
    List<LocatedChange> changes = new ArrayList<>();
    for (AnalyzedStatement statement : analysis.statements()) {
      Location location = SqlFileFrontend.statementLocation(file.path(), statement);
      for (SchemaChange change : statement.changes()) {
        changes.add(new LocatedChange(change, location, statement.text()));
      }
    }
    String version =
        FlywayLayout.parseName(file).map(MigrationScript::version).orElse(file.fileName());
    return new Migration(file.path(), version, changes);
  }
}
