package dev.blastradius.lang.shell;

import dev.blastradius.graph.CallSite;
import dev.blastradius.graph.CodeUnit;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.LanguageFrontend;
import dev.blastradius.lang.sql.SqlAnalysis;
import dev.blastradius.lang.sql.SqlFileFrontend;
import dev.blastradius.lang.treesitter.Grammar;
import dev.blastradius.lang.treesitter.Nodes;
import dev.blastradius.lang.treesitter.SyntaxTree;
import dev.blastradius.lang.treesitter.TreeSitterParser;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Language;
import dev.blastradius.source.Location;
import dev.blastradius.source.SourceFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.treesitter.TSNode;

/**
 * Shell scripts ({@code .sh}, {@code .bash}), parsed with tree-sitter's bash grammar: SQL that
 * {@code psql} runs ({@code -c "…"}, {@code --command=…}, a here-document) or {@code mysql} runs
 * ({@code -e "…"}, a here-document) goes to the SQL frontend, {@code via psql}; {@code psql -f
 * file.sql} calls that file, so its accesses inherit the script's entry points. The whole script is
 * one code unit; it is a {@code script} entry point when it lives under {@code scripts/}, {@code
 * bin/} or {@code ops/}, or starts with a shebang. Variables expanded inside the SQL make its
 * accesses {@code possible}.
 */
public final class ShellFrontend implements LanguageFrontend {

  /** The default time limit for parsing one script. */
  public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(5);

  private static final Set<String> SCRIPT_DIRECTORIES = Set.of("scripts", "bin", "ops");
  private static final Set<String> EXPANSIONS =
      Set.of("simple_expansion", "expansion", "command_substitution", "arithmetic_expansion");
  private static final int ERRORS_SHOWN = 3;

  private final Duration limit;

  public ShellFrontend() {
    this(DEFAULT_LIMIT);
  }

  /** A frontend with another parse time limit. */
  public ShellFrontend(Duration limit) {
    this.limit = limit;
  }

  @Override
  public Language language() {
    return Language.SHELL;
  }

  /** The code unit of a whole script. */
  public static String unitId(String path) {
    return "sh:" + path;
  }

  @Override
  public FileFacts extract(SourceFile file, String text, ExtractContext context) {
    FileFacts.Builder facts = new FileFacts.Builder(file.path());
    String unitId = unitId(file.path());
    Location start = Location.ofLine(file.path(), 1);
    facts.unit(new CodeUnit(unitId, file.fileName(), unitId, 0, start));
    if (isScript(file.path(), text)) {
      facts.entryPoint(unitId, new EntryPoint(EntryPointKind.SCRIPT, file.path(), start));
    }
    return readCommands(file, text, unitId, limit, facts, context).build();
  }

  /**
   * Parses {@code text} as a shell script and records, on {@code unitId}, the SQL its {@code psql}
   * and {@code mysql} commands run and the SQL files they call. Used for whole scripts and for
   * shell commands held by other files (a crontab line, a CronJob's args), which pass their text
   * padded with blank lines so that lines match the host file's.
   */
  public static FileFacts.Builder readCommands(
      SourceFile file,
      String text,
      String unitId,
      Duration limit,
      FileFacts.Builder facts,
      ExtractContext context) {
    TreeSitterParser.Result result = TreeSitterParser.parse(Grammar.BASH, file.path(), text, limit);
    if (result instanceof TreeSitterParser.Result.Unavailable unavailable) {
      facts.problem(new AnalysisProblem(file.path(), "extract", unavailable.reason(), 0));
      return facts;
    }
    if (result instanceof TreeSitterParser.Result.TimedOut timedOut) {
      facts.problem(
          new AnalysisProblem(
              file.path(),
              "extract",
              "parsing the shell script did not finish within "
                  + timedOut.limit().toMillis()
                  + " ms; the file was not analysed",
              0));
      return facts;
    }
    SyntaxTree tree = ((TreeSitterParser.Result.Parsed) result).tree();
    if (tree.hasErrors()) {
      List<Location> errors = tree.errors(ERRORS_SHOWN);
      facts.problem(
          new AnalysisProblem(
              file.path(),
              "extract",
              "the shell script has syntax errors at "
                  + errors.stream()
                      .map(l -> l.startLine() + ":" + l.startColumn())
                      .collect(Collectors.joining(", "))
                  + "; database commands in the rest of it are still read",
              errors.isEmpty() ? 0 : errors.get(0).startLine()));
    }
    Map<String, String> constants = constants(tree);
    for (TSNode command : Nodes.descendants(tree.root(), "command")) {
      client(tree, command)
          .ifPresent(
              client -> command(tree, command, client, constants, file, unitId, facts, context));
    }
    return facts;
  }

  /**
   * Variables assigned exactly once in the script, to a value without expansions: {@code
   * SQL="SELECT …"} then {@code psql -c "$SQL"} reads the constant.
   */
  private static Map<String, String> constants(SyntaxTree tree) {
    Map<String, String> values = new HashMap<>();
    Set<String> reassigned = new HashSet<>();
    for (TSNode assignment : Nodes.descendants(tree.root(), "variable_assignment")) {
      Optional<TSNode> name = Nodes.field(assignment, "name");
      Optional<TSNode> value = Nodes.field(assignment, "value");
      if (name.isEmpty()) {
        continue;
      }
      String variable = tree.text(name.get());
      Value constant = value.map(v -> value(tree, v, Map.of())).orElse(new Value("", false));
      if (values.containsKey(variable) || constant.dynamic()) {
        reassigned.add(variable);
      }
      values.put(variable, constant.text());
    }
    reassigned.forEach(values::remove);
    return values;
  }

  /** Whether the file is run by hand or by a scheduler rather than sourced by another script. */
  static boolean isScript(String path, String text) {
    if (text.startsWith("#!")) {
      return true;
    }
    String[] segments = path.split("/");
    for (int i = 0; i < segments.length - 1; i++) {
      if (SCRIPT_DIRECTORIES.contains(segments[i])) {
        return true;
      }
    }
    return false;
  }

  /** {@code psql} or {@code mysql} when the command runs one (by name or path). */
  private static Optional<String> client(SyntaxTree tree, TSNode command) {
    Optional<TSNode> name = Nodes.field(command, "name");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String word = tree.text(name.get());
    String base = word.substring(word.lastIndexOf('/') + 1);
    return base.equals("psql") || base.equals("mysql") ? Optional.of(base) : Optional.empty();
  }

  private static void command(
      SyntaxTree tree,
      TSNode command,
      String client,
      Map<String, String> constants,
      SourceFile file,
      String unitId,
      FileFacts.Builder facts,
      ExtractContext context) {
    List<TSNode> arguments = Nodes.namedChildren(command);
    Set<String> inline =
        client.equals("psql") ? Set.of("-c", "--command") : Set.of("-e", "--execute");
    for (int i = 0; i < arguments.size(); i++) {
      TSNode argument = arguments.get(i);
      if (argument.getType().equals("command_name")) {
        continue;
      }
      String word = tree.text(argument);
      if ((inline.contains(word) || flagGroupEndingWith(word, inline))
          && i + 1 < arguments.size()) {
        TSNode sql = arguments.get(i + 1);
        Value value = value(tree, sql, constants);
        hosted(value, tree.line(sql), false, file, unitId, facts, context);
        i++;
      } else if (inline.stream().anyMatch(o -> o.startsWith("--") && word.startsWith(o + "="))) {
        Value value = value(tree, argument, constants);
        hosted(
            new Value(
                unquote(value.text().substring(value.text().indexOf('=') + 1)), value.dynamic()),
            tree.line(argument),
            false,
            file,
            unitId,
            facts,
            context);
      } else if (client.equals("psql")
          && (word.equals("-f") || word.equals("--file"))
          && i + 1 < arguments.size()) {
        calls(tree.text(arguments.get(i + 1)), file, unitId, facts);
        i++;
      } else if (client.equals("psql") && word.startsWith("--file=")) {
        calls(unquote(word.substring("--file=".length())), file, unitId, facts);
      }
    }
    TSNode parent = command.getParent();
    if (parent != null && !parent.isNull() && parent.getType().equals("redirected_statement")) {
      for (TSNode redirect : Nodes.namedChildren(parent)) {
        if (!redirect.getType().equals("heredoc_redirect")) {
          continue;
        }
        for (TSNode body : Nodes.namedChildren(redirect)) {
          if (body.getType().equals("heredoc_body")) {
            // Like SQL in Java strings, the accesses are at the host command's line.
            hosted(
                value(tree, body, constants),
                tree.line(command),
                true,
                file,
                unitId,
                facts,
                context);
          }
        }
      }
    }
  }

  /** {@code -tAc}: a group of short flags whose last one takes the SQL. */
  private static boolean flagGroupEndingWith(String word, Set<String> inline) {
    if (word.length() < 3 || word.charAt(0) != '-' || word.charAt(1) == '-') {
      return false;
    }
    for (int i = 1; i < word.length(); i++) {
      if (!Character.isLetter(word.charAt(i))) {
        return false;
      }
    }
    return inline.contains("-" + word.charAt(word.length() - 1));
  }

  /** A shell word's text with its quotes removed, and whether an expansion was replaced. */
  private record Value(String text, boolean dynamic) {}

  /**
   * The text of a word, string or here-document body: expansions of {@code constants} are replaced
   * by their values, every other expansion by {@link HostedSql#DYNAMIC_PART}.
   */
  private static Value value(SyntaxTree tree, TSNode node, Map<String, String> constants) {
    String text = tree.text(node);
    boolean dynamic = false;
    if (node.getType().equals("raw_string")) {
      return new Value(text.substring(1, Math.max(1, text.length() - 1)), false);
    }
    List<TSNode> parts =
        EXPANSIONS.contains(node.getType()) ? List.of(node) : Nodes.namedChildren(node);
    for (TSNode part : parts) {
      if (EXPANSIONS.contains(part.getType())) {
        String expansion = tree.text(part);
        Optional<String> constant =
            Nodes.namedChildren(part).stream()
                .filter(n -> n.getType().equals("variable_name"))
                .map(tree::text)
                .filter(name -> expansion.equals("$" + name) || expansion.equals("${" + name + "}"))
                .map(constants::get)
                .filter(java.util.Objects::nonNull)
                .findFirst();
        text = text.replace(expansion, constant.orElse(HostedSql.DYNAMIC_PART));
        dynamic |= constant.isEmpty();
      }
    }
    if (node.getType().equals("string") && text.length() >= 2) {
      text = text.substring(1, text.length() - 1);
    }
    return new Value(text, dynamic);
  }

  /** {@code "x"} or {@code 'x'} → {@code x}. */
  private static String unquote(String text) {
    if (text.length() >= 2
        && (text.startsWith("\"") && text.endsWith("\"")
            || text.startsWith("'") && text.endsWith("'"))) {
      return text.substring(1, text.length() - 1);
    }
    return text;
  }

  /**
   * Analyses the SQL of one command. Statements of a {@code -c} string are placed at their own
   * lines from {@code line}; here-document statements ({@code atLine}) all at {@code line}, the
   * command's.
   */
  private static void hosted(
      Value value,
      int line,
      boolean atLine,
      SourceFile file,
      String unitId,
      FileFacts.Builder facts,
      ExtractContext context) {
    if (value.text().replace(HostedSql.DYNAMIC_PART, "").isBlank()) {
      facts.note(
          "line "
              + line
              + ": the SQL of this command comes entirely from shell variables; not analysed");
      return;
    }
    SqlAnalysis analysis = context.sql().analyze(value.text(), context.catalog());
    HostedSql.record(
        facts,
        analysis,
        unitId,
        Via.PSQL,
        value.dynamic() ? Confidence.POSSIBLE : Confidence.CERTAIN,
        s -> Location.ofLine(file.path(), atLine ? line : line + s.startLine() - 1),
        s -> HostedSql.snippet(s.text()),
        "extract");
  }

  /**
   * {@code psql -f path}: a call to that SQL file, resolved against the script's directory and
   * against the repository root (whichever file exists has the unit).
   */
  private static void calls(
      String target, SourceFile file, String unitId, FileFacts.Builder facts) {
    if (target.contains("$")) {
      return;
    }
    String directory =
        file.path().contains("/") ? file.path().substring(0, file.path().lastIndexOf('/') + 1) : "";
    Set<String> candidates = new LinkedHashSet<>();
    candidates.add(normalise(directory + target));
    candidates.add(normalise(target));
    for (String candidate : candidates) {
      if (!candidate.isEmpty()) {
        facts.call(new CallSite(unitId, SqlFileFrontend.unitId(candidate), 0, null));
      }
    }
  }

  /** {@code a/./b/../c.sql} → {@code a/c.sql}; empty when it leaves the repository. */
  static String normalise(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return "";
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }
}
