package dev.blastradius.pipeline;

import static java.util.stream.Collectors.toSet;

import dev.blastradius.graph.ColumnAccessGraph;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.FrontendRegistry;
import dev.blastradius.lang.SqlCoverage;
import dev.blastradius.lang.migrations.ConfiguredLayout;
import dev.blastradius.lang.sql.SqlFrontend;
import dev.blastradius.rules.BaseRevision;
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
import java.util.Optional;
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
    return run(options, check, Optional.empty());
  }

  /**
   * Runs the analysis; with {@code base} ({@code check --base REV}) the checked-out code at REV is
   * analysed too, as the release being replaced, and the migrations added or changed since REV are
   * proposed, before any {@code --migration} files.
   */
  public AnalysisResult run(AnalysisOptions options, boolean check, Optional<BaseCheckout> base) {
    SourceTree tree = Discover.run(options);
    List<SourceFile> named =
        options.proposedMigrations().stream()
            .map(
                p ->
                    new SourceFile(p, SourceTree.relativize(options.reportRoot(), p), Language.SQL))
            .toList();
    if (base.isEmpty()) {
      return analyse(options, tree, named, check, Optional.empty());
    }
    BaseCheckout checkout = base.get();
    // Configured migration directories are report paths: the same in the checkout.
    AnalysisOptions oldOptions =
        new AnalysisOptions(
            checkout.scanRoot(),
            checkout.reportRoot(),
            options.rules(),
            List.of(),
            options.include(),
            options.exclude(),
            options.threads(),
            options.sqlTimeLimit(),
            options.packs(),
            options.policy(),
            options.migrationDirectories());
    SourceTree oldTree = Discover.run(oldOptions);
    AnalysisResult old = analyse(oldOptions, oldTree, List.of(), false, Optional.empty());
    Set<String> namedPaths = new HashSet<>();
    named.forEach(f -> namedPaths.add(f.path()));
    MigrationsSince.Result since =
        MigrationsSince.between(
            oldTree.files(), tree.files(), namedPaths, checkout.revision(), configured(options));
    Set<SourceFile> sinceFiles = new HashSet<>(since.proposed());
    SourceTree current =
        new SourceTree(
            tree.scanRoot(),
            tree.reportRoot(),
            tree.files().stream().filter(f -> !sinceFiles.contains(f)).toList(),
            tree.skipped(),
            tree.problems());
    List<SourceFile> proposed = new ArrayList<>(since.proposed());
    proposed.addAll(named);
    AnalysisResult result =
        analyse(
            options,
            current,
            proposed,
            check,
            Optional.of(new BaseRevision(checkout.revision(), old.graph(), old.catalog())));
    return withBase(result, old, since, checkout);
  }

  /** The layouts of the migration directories configured in {@code blastradius.yaml}. */
  private static List<ConfiguredLayout> configured(AnalysisOptions options) {
    return options.migrationDirectories().stream().map(MigrationDirectory::layout).toList();
  }

  /** The passes over one discovered tree, with {@code proposedFiles} under review. */
  private AnalysisResult analyse(
      AnalysisOptions options,
      SourceTree tree,
      List<SourceFile> proposedFiles,
      boolean check,
      Optional<BaseRevision> base) {
    SqlFrontend sql = new SqlFrontend(options.dialect(), options.sqlTimeLimit());
    ReplaySchema.Result replay =
        ReplaySchema.run(tree.files(), proposedFiles, sql, configured(options));

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
            new ExtractContext(replay.catalog(), sql, tree.files(), options.threads()),
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
      // Without --base the needs-base rules cannot find anything: their waivers are not unused.
      suppressions.describeRun(
          RuleCatalog.bundled().rules().stream().map(RuleMetadata::id).collect(toSet()),
          ran.stream()
              .filter(r -> base.isPresent() || !r.tags().contains(BaseRevision.TAG))
              .map(RuleMetadata::id)
              .collect(toSet()),
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
              suppressions,
              base);
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

  /**
   * The result with what the comparison noticed, and the problems of the code at REV that the
   * working tree does not share: readers missing there are readers the old-code rules miss.
   */
  private static AnalysisResult withBase(
      AnalysisResult result,
      AnalysisResult old,
      MigrationsSince.Result since,
      BaseCheckout checkout) {
    String revision = checkout.revision();
    List<AnalysisProblem> problems = new ArrayList<>(result.problems());
    Set<AnalysisProblem> current = new HashSet<>(result.problems());
    for (AnalysisProblem problem : old.problems()) {
      AnalysisProblem clean =
          new AnalysisProblem(
              problem.path(),
              problem.pass(),
              checkout.withoutTemporaryPaths(problem.cause()),
              problem.line());
      if (!current.contains(clean)) {
        problems.add(
            new AnalysisProblem(
                clean.path(),
                clean.pass(),
                "in the code at " + revision + ": " + clean.cause(),
                clean.line()));
      }
    }
    List<Note> notes = new ArrayList<>(result.notes());
    notes.addAll(since.notes());
    int count = since.proposed().size();
    notes.add(
        new Note(
            ".",
            "compared with "
                + revision
                + ": "
                + count
                + (count == 1 ? " migration" : " migrations")
                + " added or changed since then checked as proposed; the code at "
                + revision
                + " is the release being replaced"));
    return new AnalysisResult(
        result.catalog(),
        result.graph(),
        result.findings(),
        problems,
        result.coverage(),
        notes,
        result.proposed(),
        result.rules(),
        result.suppressed());
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
