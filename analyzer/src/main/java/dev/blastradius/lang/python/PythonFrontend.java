package dev.blastradius.lang.python;

import dev.blastradius.graph.CodeUnit;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.LanguageFrontend;
import dev.blastradius.lang.python.link.PythonLinker;
import dev.blastradius.lang.treesitter.Grammar;
import dev.blastradius.lang.treesitter.SyntaxTree;
import dev.blastradius.lang.treesitter.TreeSitterParser;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Language;
import dev.blastradius.source.Location;
import dev.blastradius.source.SourceFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The Python frontend: files with database vocabulary ({@link Prefilter}) are parsed with
 * tree-sitter under a time limit, copied into a {@link PyModule} and the tree dropped. Every
 * function, method, class body and module is a {@link CodeUnit}. Everything that needs other files
 * — imports, calls, ORM models, routes, tasks — is resolved by {@link PythonLinker} once every file
 * is read.
 */
public final class PythonFrontend implements LanguageFrontend {

  /** The default time limit for parsing one file. */
  public static final Duration PARSE_LIMIT = Duration.ofSeconds(5);

  /** How many recovered syntax errors a problem lists. */
  private static final int ERRORS_SHOWN = 3;

  private final Duration parseLimit;

  public PythonFrontend() {
    this(PARSE_LIMIT);
  }

  /** A frontend with another parse time limit (tests use a tiny one). */
  public PythonFrontend(Duration parseLimit) {
    this.parseLimit = parseLimit;
  }

  @Override
  public Language language() {
    return Language.PYTHON;
  }

  @Override
  public FileFacts extract(SourceFile file, String text, ExtractContext context) {
    FileFacts.Builder facts = new FileFacts.Builder(file.path());
    ReadAhead ahead = READ_AHEAD.remove(file.absolutePath());
    if (!Prefilter.mentionsDatabase(text)) {
      return facts.state(new PyModule(file, false, text)).build();
    }
    List<AnalysisProblem> problems = new ArrayList<>();
    PyModule module;
    if (ahead != null && ahead.text().equals(text) && ahead.limit().equals(parseLimit)) {
      module = ahead.module();
      problems.addAll(ahead.problems());
    } else {
      module = read(file, text, parseLimit, problems);
    }
    problems.forEach(facts::problem);
    units(module).forEach(facts::unit);
    return facts.state(module).build();
  }

  /**
   * Modules the replay pass already read ({@link #readAhead}), by absolute path: Django migrations
   * are read for their operations and extracted again as code (their RunPython functions). Each is
   * taken by the extraction of the same file; a module is a function of the file, its text and the
   * time limit, all three compared, so the one taken is the one extraction would read. Entries live
   * from replay to extraction (one per migration file).
   */
  private static final Map<Path, ReadAhead> READ_AHEAD = new ConcurrentHashMap<>();

  private record ReadAhead(
      String text, Duration limit, PyModule module, List<AnalysisProblem> problems) {}

  /**
   * {@link #read} with the default time limit, for a file that extraction will read too: the module
   * is kept for it.
   */
  public static PyModule readAhead(SourceFile file, String text, List<AnalysisProblem> problems) {
    List<AnalysisProblem> own = new ArrayList<>();
    PyModule module = read(file, text, PARSE_LIMIT, own);
    problems.addAll(own);
    READ_AHEAD.put(file.absolutePath(), new ReadAhead(text, PARSE_LIMIT, module, List.copyOf(own)));
    return module;
  }

  @Override
  public List<FileFacts> link(List<FileFacts> files, ExtractContext context) {
    return new PythonLinker(context, parseLimit).link(files);
  }

  /** The call-graph units of a module. */
  public static List<CodeUnit> units(PyModule module) {
    List<CodeUnit> units = new ArrayList<>();
    for (PyUnit unit : module.units()) {
      units.add(
          new CodeUnit(unit.id(), unit.ownerType(), unit.name(), unit.arity(), unit.location()));
    }
    return units;
  }

  /**
   * Parses {@code text} into a module; a timeout, a missing grammar or syntax errors are added to
   * {@code problems} (with whatever could be recovered still in the module).
   */
  public static PyModule read(
      SourceFile file, String text, Duration limit, List<AnalysisProblem> problems) {
    PyModule module = new PyModule(file, true, null);
    TreeSitterParser.Result result =
        TreeSitterParser.parse(Grammar.PYTHON, file.path(), text, limit);
    if (result instanceof TreeSitterParser.Result.Unavailable unavailable) {
      problems.add(new AnalysisProblem(file.path(), "extract", unavailable.reason(), 0));
      return module;
    }
    if (result instanceof TreeSitterParser.Result.TimedOut timedOut) {
      problems.add(
          new AnalysisProblem(
              file.path(),
              "extract",
              "parsing Python did not finish within "
                  + timedOut.limit().toMillis()
                  + " ms; the file was not analysed",
              0));
      return module;
    }
    SyntaxTree tree = ((TreeSitterParser.Result.Parsed) result).tree();
    if (tree.hasErrors()) {
      List<Location> errors = tree.errors(ERRORS_SHOWN);
      String where =
          errors.stream()
              .map(l -> l.startLine() + ":" + l.startColumn())
              .collect(Collectors.joining(", "));
      problems.add(
          new AnalysisProblem(
              file.path(),
              "extract",
              "Python syntax error at "
                  + (where.isEmpty() ? "an unknown place" : where)
                  + "; the rest of the file was analysed as far as the parser recovered",
              errors.isEmpty() ? 0 : errors.get(0).startLine()));
    }
    PyNode root = PyTreeCopy.copy(tree, new PySource(file.path(), text));
    ModuleReader.read(module, root, problems);
    return module;
  }
}
