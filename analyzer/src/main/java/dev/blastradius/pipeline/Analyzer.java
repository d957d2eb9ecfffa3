package dev.blastradius.pipeline;

import static java.util.stream.Collectors.toSet;

import dev.blastradius.graph.ColumnAccessGraph;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.FrontendRegistry;
import dev.blastradius.lang.SqlCoverage;
import dev.blastradius.lang.sql.SqlFrontend;
import dev.blastradius.rules.Rule;
import dev.blastradius.rules.RuleCatalog;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.rules.Suppression;
import dev.blastradius.rules.Suppressions;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Language;
import dev.blastradius.source.SourceFile;
import dev.blastradius.source.SourceTree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the passes in order: Discover → ReplaySchema → Extract → Resolve → Check. Reports are
 * written by the caller from the {@link AnalysisResult}.
 */
public final class Analyzer {

  private final FrontendRegistry frontends;

  public Analyzer(FrontendRegistry frontends) {
    this.frontends = frontends;
  }

  /** The analyzer with every bundled frontend. */
  public static Analyzer standard() {
    return new Analyzer(FrontendRegistry.standard());
  }

  /** Runs the analysis; {@code check} adds the rules over the proposed migrations. */
  public AnalysisResult run(AnalysisOptions options, boolean check) {
    SourceTree tree = Discover.run(options);
    SqlFrontend sql = new SqlFrontend(options.dialect(), options.sqlTimeLimit());
    List<SourceFile> proposedFiles =
        options.proposedMigrations().stream()
            .map(
                p ->
                    new SourceFile(p, SourceTree.relativize(options.reportRoot(), p), Language.SQL))
            .toList();
    ReplaySchema.Result replay =
        ReplaySchema.run(
            tree.files(),
            proposedFiles,
            sql,
            options.migrationDirectories().stream().map(MigrationDirectory::layout).toList());

    Set<SourceFile> migrations = new HashSet<>(replay.migrationFiles());
    List<SourceFile> code =
        tree.files().stream()
            .filter(f -> !migrations.contains(f))
            .filter(f -> frontends.forLanguage(f.language()).isPresent())
            .toList();
    List<FileFacts> codeFacts =
        Extract.run(
            code,
            frontends,
            new ExtractContext(replay.catalog(), sql, tree.files()),
            options.threads());

    List<FileFacts> graphFacts = new ArrayList<>(replay.historyFacts());
    graphFacts.addAll(codeFacts);
    ColumnAccessGraph graph =
        Resolve.run(graphFacts, replay.catalog().triggers(), options.policy().entryPoints());

    List<FileFacts> allFacts = new ArrayList<>(graphFacts);
    allFacts.addAll(replay.proposedFacts());
    List<AnalysisProblem> problems = new ArrayList<>(tree.problems());
    allFacts.forEach(f -> problems.addAll(f.problems()));

    RuleCatalog catalog = RuleCatalog.bundled().withLevels(options.policy().levels());
    Check.Result checked = new Check.Result(List.of(), List.of(), List.of());
    List<RuleMetadata> ran = check ? catalog.rules(options.packs()) : catalog.rules();
    if (check) {
      List<Rule> rules = catalog.instantiate(options.packs());
      Suppressions suppressions = suppressions(code, proposedFiles, options, problems);
      suppressions.describeRun(
          RuleCatalog.bundled().rules().stream().map(RuleMetadata::id).collect(toSet()),
          ran.stream().map(RuleMetadata::id).collect(toSet()),
          proposedFiles.stream().map(SourceFile::path).collect(toSet()));
      checked =
          Check.run(
              replay.proposed(),
              rules,
              graph,
              replay.catalog(),
              options
                  .rules()
                  .withPairs(
                      java.util.stream.Stream.concat(
                              options.rules().pairs().stream(), options.policy().pairs().stream())
                          .toList()),
              suppressions);
      problems.addAll(checked.problems());
    }
    return new AnalysisResult(
        replay.catalog(),
        graph,
        checked.findings(),
        problems,
        coverage(allFacts, problems),
        Notes.of(tree, replay, allFacts),
        replay.proposed(),
        ran,
        checked.suppressed());
  }

  /**
   * The suppressions of a check: comments in the code and the proposed migrations, and the
   * configuration's {@code ignore:} entries. Malformed directives are problems.
   */
  private static Suppressions suppressions(
      List<SourceFile> code,
      List<SourceFile> proposed,
      AnalysisOptions options,
      List<AnalysisProblem> problems) {
    List<Suppression> found = new ArrayList<>(options.policy().ignores());
    List<SourceFile> files = new ArrayList<>(code);
    files.addAll(proposed);
    for (SourceFile file : files) {
      SuppressionScan.Result result = SuppressionScan.scan(file);
      found.addAll(result.suppressions());
      problems.addAll(result.errors());
    }
    return new Suppressions(found);
  }

  private static Coverage coverage(List<FileFacts> facts, List<AnalysisProblem> problems) {
    SqlCoverage sql = SqlCoverage.NONE;
    for (FileFacts f : facts) {
      sql = sql.plus(f.coverage());
    }
    int withProblems = (int) problems.stream().map(AnalysisProblem::path).distinct().count();
    int files = (int) facts.stream().map(FileFacts::path).distinct().count();
    return new Coverage(files, withProblems, sql);
  }
}
