package dev.blastradius.pipeline;

import dev.blastradius.change.Migration;
import dev.blastradius.change.MigrationStatement;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.change.StatementKind;
import dev.blastradius.change.TableRebuilds;
import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.CodeUnit;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.UnitAccess;
import dev.blastradius.lang.migrations.MigrationLayout;
import dev.blastradius.lang.migrations.MigrationLayouts;
import dev.blastradius.lang.migrations.MigrationReader;
import dev.blastradius.lang.migrations.MigrationScript;
import dev.blastradius.lang.migrations.MigrationStep;
import dev.blastradius.lang.migrations.ScriptFormat;
import dev.blastradius.lang.sql.AnalyzedStatement;
import dev.blastradius.lang.sql.ColumnUse;
import dev.blastradius.lang.sql.SqlAnalysis;
import dev.blastradius.lang.sql.SqlFileFrontend;
import dev.blastradius.lang.sql.SqlFrontend;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Location;
import dev.blastradius.source.SourceFile;
import dev.blastradius.source.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The replay pass: finds the applied migrations of every known tool ({@link MigrationLayouts}),
 * orders them the way the tool does, and replays them into a {@link Catalog}. Their statements are
 * also accesses, reached from a {@code migration} entry point. Then the proposed migrations are
 * read on top of that catalog; their changes are what {@code check} judges.
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
   * @param migrationFiles the migration tools' files (applied, and down/undo ones that are never
   *     replayed), which Extract must not read as code; Django migrations are not among them
   * @param tools the migration tools found
   * @param notes what the layouts assumed (an inferred order, a file left out)
   */
  record Result(
      Catalog catalog,
      List<FileFacts> historyFacts,
      List<Migration> proposed,
      List<FileFacts> proposedFacts,
      List<SourceFile> migrationFiles,
      List<String> tools,
      int replayedCount,
      List<MigrationLayout.Note> notes) {}

  private ReplaySchema() {}

  static Result run(List<SourceFile> files, List<SourceFile> proposedFiles, SqlFrontend sql) {
    return run(files, proposedFiles, sql, List.of());
  }

  static Result run(
      List<SourceFile> files,
      List<SourceFile> proposedFiles,
      SqlFrontend sql,
      List<? extends MigrationLayout> configured) {
    Map<SourceFile, SourceText> texts = new HashMap<>();
    MigrationLayout.Discovery discovery =
        MigrationLayouts.discover(
            files, f -> texts.computeIfAbsent(f, SourceText::read).text(), configured);
    Catalog catalog = Catalog.empty();
    List<FileFacts> historyFacts = new ArrayList<>();
    discovery.problems().forEach(p -> historyFacts.add(FileFacts.failed(p.path(), p)));
    Routines routines = new Routines();
    for (MigrationScript script : discovery.scripts()) {
      Replayed replayed =
          replay(
              script,
              texts.computeIfAbsent(script.file(), SourceText::read),
              catalog,
              sql,
              routines);
      historyFacts.add(replayed.facts());
      catalog = replayed.catalog();
    }
    historyFacts.addAll(routines.facts(catalog, sql));
    Catalog before = catalog;
    List<Migration> proposed = new ArrayList<>();
    List<FileFacts> proposedFacts = new ArrayList<>();
    for (SourceFile file : proposedFiles) {
      SourceText text = SourceText.read(file);
      Replayed replayed =
          replay(
              sqliteIfHistoryIs(
                  MigrationLayouts.proposed(file, text.text(), configured), discovery.scripts()),
              text,
              catalog,
              sql,
              null);
      proposedFacts.add(replayed.facts());
      proposed.add(replayed.migration());
      catalog = replayed.catalog();
    }
    return new Result(
        before,
        historyFacts,
        proposed,
        proposedFacts,
        java.util.stream.Stream.concat(
                // Django migrations are also code: their RunPython functions run the app's models.
                discovery.scripts().stream()
                    .filter(s -> s.format() != ScriptFormat.DJANGO)
                    .map(MigrationScript::file),
                discovery.notReplayed().stream())
            .toList(),
        discovery.scripts().stream().map(MigrationScript::tool).distinct().sorted().toList(),
        discovery.scripts().size(),
        discovery.notes());
  }

  private record Replayed(FileFacts facts, Catalog catalog, Migration migration) {}

  /**
   * A proposed plain SQL file is read as SQLite when every applied SQL migration is (a Drizzle
   * SQLite history): the file under review is the next one of that history.
   */
  private static MigrationScript sqliteIfHistoryIs(
      MigrationScript proposed, List<MigrationScript> applied) {
    List<ScriptFormat> sqlFormats =
        applied.stream()
            .map(MigrationScript::format)
            .filter(f -> f == ScriptFormat.SQL || f == ScriptFormat.SQLITE)
            .distinct()
            .toList();
    if (proposed.format() != ScriptFormat.SQL || !sqlFormats.equals(List.of(ScriptFormat.SQLITE))) {
      return proposed;
    }
    return new MigrationScript(
        proposed.file(),
        proposed.tool(),
        proposed.version(),
        proposed.versionKey(),
        proposed.description(),
        ScriptFormat.SQLITE);
  }

  /**
   * Replays one script. Applied ones ({@code routines} not null) also yield accesses from a
   * migration entry point and register the routines they define.
   */
  private static Replayed replay(
      MigrationScript script,
      SourceText text,
      Catalog catalog,
      SqlFrontend sql,
      Routines routines) {
    boolean applied = routines != null;
    SourceFile file = script.file();
    FileFacts.Builder facts = new FileFacts.Builder(file.path());
    text.problem().ifPresent(facts::problem);
    String pass = applied ? "replay" : "check";
    String unitId = SqlFileFrontend.unitId(file.path());
    Location start = Location.ofLine(file.path(), 1);
    if (applied) {
      facts.unit(new CodeUnit(unitId, file.fileName(), file.fileName(), -1, start));
      facts.entryPoint(unitId, new EntryPoint(EntryPointKind.MIGRATION, file.fileName(), start));
    }
    List<MigrationStatement> statements = new ArrayList<>();
    Set<Access> declaredDdl = new HashSet<>();
    Catalog current = catalog;
    try {
      for (MigrationStep step :
          MigrationReader.read(script, text.text(), sql.identifiers(), !applied)) {
        if (step instanceof MigrationStep.Sql sqlStep) {
          String path = sqlStep.path() == null ? file.path() : sqlStep.path();
          Function<AnalyzedStatement, Location> site =
              s ->
                  sqlStep.line() > 0
                      ? Location.ofLine(path, sqlStep.line())
                      : SqlFileFrontend.statementLocation(path, s);
          SqlAnalysis analysis =
              sqlStep.sqlite()
                  ? sql.analyzeSqlite(sqlStep.text(), current)
                  : sql.analyze(sqlStep.text(), current);
          record(facts, analysis, unitId, site, pass, applied);
          for (AnalyzedStatement statement : analysis.statements()) {
            Location location = site.apply(statement);
            statements.add(
                new MigrationStatement(
                    location,
                    statement.text(),
                    statement.kind(),
                    statement.changes(),
                    statement.transactionCommand(),
                    statement.setting(),
                    statement.rowUpdate(),
                    writes(statement)));
            if (applied) {
              statement.scheduled().forEach(job -> routines.scheduled(job, location));
            }
          }
          wholeStatement(facts, sqlStep, analysis, sql, site, pass);
          current = analysis.catalogAfter();
        } else if (step instanceof MigrationStep.Change changeStep) {
          Location location = Location.ofLine(file.path(), changeStep.line());
          statements.add(
              new MigrationStatement(
                  location,
                  changeStep.statement(),
                  StatementKind.DDL,
                  List.of(changeStep.change()),
                  Optional.empty(),
                  Optional.empty()));
          Catalog.Builder builder = current.toBuilder();
          changeStep.change().applyTo(builder);
          current = builder.build();
          if (applied) {
            ddlAccesses(
                facts, changeStep.change(), unitId, location, changeStep.statement(), declaredDdl);
          }
        } else if (step instanceof MigrationStep.NotReplayed problem) {
          facts.problem(new AnalysisProblem(file.path(), pass, problem.cause(), problem.line()));
        }
      }
    } catch (IllegalArgumentException e) {
      facts.problem(new AnalysisProblem(file.path(), pass, e.getMessage(), 0));
    } catch (RuntimeException | StackOverflowError e) {
      facts.problem(AnalysisProblem.crash(file.path(), pass, e));
    }
    Migration migration =
        new Migration(
            file.path(),
            script.tool(),
            script.version(),
            MigrationLayouts.transactional(script.tool(), text.text()),
            TableRebuilds.spelledOut(statements, catalog),
            script.format() == ScriptFormat.SQLITE);
    if (applied) {
      migration.changes().forEach(routines::definedBy);
    }
    return new Replayed(facts.build(), current, migration);
  }

  /** The columns a data-change statement writes values to, for rules about backfills. */
  private static List<ColumnRef> writes(AnalyzedStatement statement) {
    if (statement.kind() != StatementKind.DATA_CHANGE) {
      return List.of();
    }
    return statement.uses().stream()
        .filter(u -> u.kind() == AccessKind.WRITE)
        .map(ColumnUse::column)
        .toList();
  }

  /**
   * A step the tool sends as one statement (Liquibase {@code splitStatements:false}) that we split
   * into several: the same on Postgres, which runs each statement of a multi-statement string, but
   * not on MySQL, where such a body is one routine ({@code BEGIN … END}) that we misread.
   */
  private static void wholeStatement(
      FileFacts.Builder facts,
      MigrationStep.Sql step,
      SqlAnalysis analysis,
      SqlFrontend sql,
      Function<AnalyzedStatement, Location> site,
      String pass) {
    if (!step.whole()
        || analysis.statements().size() < 2
        || sql.identifiers().dialect() != SqlDialect.MYSQL) {
      return;
    }
    Location first = site.apply(analysis.statements().get(0));
    facts.problem(
        new AnalysisProblem(
            first.path(),
            pass,
            "Liquibase runs this SQL as one statement (splitStatements:false or endDelimiter),"
                + " but it was analysed as "
                + analysis.statements().size()
                + " statements split at ';'",
            first.startLine()));
  }

  private static void record(
      FileFacts.Builder facts,
      SqlAnalysis analysis,
      String unitId,
      Function<AnalyzedStatement, Location> site,
      String pass,
      boolean applied) {
    // A proposed migration's own statements are the change under review, not code that runs today.
    SqlAnalysis recorded =
        applied
            ? analysis
            : new SqlAnalysis(
                analysis.statements().stream().map(AnalyzedStatement::changesOnly).toList(),
                analysis.catalogAfter());
    HostedSql.record(
        facts,
        recorded,
        unitId,
        Via.SQL,
        Confidence.CERTAIN,
        site,
        s -> HostedSql.snippet(s.text()),
        pass);
  }

  /**
   * The ddl accesses of a declared change; several changes of one declaration (an {@code addColumn}
   * and its inline constraints) touch a column once, as one SQL statement does.
   */
  private static void ddlAccesses(
      FileFacts.Builder facts,
      SchemaChange change,
      String unitId,
      Location location,
      String statement,
      Set<Access> seen) {
    for (var column : change.columns()) {
      Access access =
          new Access(
              column,
              AccessKind.DDL,
              Via.SQL,
              Confidence.CERTAIN,
              false,
              location,
              HostedSql.snippet(statement),
              List.of());
      if (seen.add(access)) {
        facts.access(new UnitAccess(unitId, access));
      }
    }
  }
}
