package dev.blastradius.lang.ops.sched;

import dev.blastradius.graph.CallGraph;
import dev.blastradius.graph.CallSite;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.shell.ShellFrontend;
import dev.blastradius.lang.sql.SqlFileFrontend;
import dev.blastradius.lang.treesitter.Grammar;
import dev.blastradius.lang.treesitter.Nodes;
import dev.blastradius.lang.treesitter.SyntaxTree;
import dev.blastradius.lang.treesitter.TreeSitterParser;
import dev.blastradius.source.Language;
import dev.blastradius.source.SourceFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Links the shell command of a {@link ScheduledJob} to the code it runs, as calls from the job's
 * unit: script paths (shell, Python, SQL, JS/TS), {@code psql -f}, {@code sh -c "…"}, {@code python
 * -m pkg.mod}, {@code python manage.py cmd}, {@code java … com.acme.Main}, {@code node dist/x.js}
 * (its source under {@code src/} when the built file is not in the repository) and {@code npm run
 * x} (the package.json script's command, linked the same way). SQL that {@code psql} or {@code
 * mysql} runs inline is read by the shell frontend's code path. Commands are parsed with
 * tree-sitter's bash grammar.
 */
final class CommandLinks {

  private static final Duration LIMIT = Duration.ofSeconds(2);
  private static final int MAX_DEPTH = 4;
  private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh");
  private static final Set<String> WRAPPERS =
      Set.of("exec", "nice", "nohup", "time", "sudo", "chronic", "xargs");
  private static final Set<String> NODE_RUNNERS =
      Set.of("node", "tsx", "ts-node", "ts-node-esm", "bun", "deno", "esno", "vite-node");
  private static final Set<String> PACKAGE_MANAGERS = Set.of("npm", "pnpm", "yarn");
  private static final Set<String> JAVA_VALUE_FLAGS = Set.of("-cp", "-classpath", "--class-path");
  private static final List<String> BUILD_DIRECTORIES = List.of("dist", "build", "out", "lib");
  private static final List<String> SOURCE_EXTENSIONS = List.of(".ts", ".tsx", ".mts", ".js");

  private final SourceFile file;
  private final String unitId;
  private final FileFacts.Builder facts;
  private final ExtractContext context;
  private final RepoPaths paths;
  private int links;

  CommandLinks(
      SourceFile file,
      String unitId,
      FileFacts.Builder facts,
      ExtractContext context,
      RepoPaths paths) {
    this.file = file;
    this.unitId = unitId;
    this.facts = facts;
    this.context = context;
    this.paths = paths;
  }

  /** Links {@code job}'s command; a command that runs nothing of ours is a note. */
  void link(ScheduledJob job) {
    int before = links;
    int accesses = facts.build().accesses().size();
    run(job.command(), job.line(), job.directory(), 0);
    if (links == before && facts.build().accesses().size() == accesses) {
      facts.note(
          "line "
              + job.line()
              + ": `"
              + job.command().strip()
              + "` runs nothing found in the repository; not linked");
    }
  }

  /** Reads one shell command line placed at {@code line} of the scheduler file. */
  private void run(String command, int line, String directory, int depth) {
    if (depth > MAX_DEPTH || command.isBlank()) {
      return;
    }
    // Blank lines before the command keep the shell frontend's lines those of the host file.
    String padded = "\n".repeat(Math.max(0, line - 1)) + command;
    ShellFrontend.readCommands(file, padded, unitId, LIMIT, facts, context);
    if (!(TreeSitterParser.parse(Grammar.BASH, file.path(), padded, LIMIT)
        instanceof TreeSitterParser.Result.Parsed parsed)) {
      return; // the shell frontend's path above has recorded why
    }
    SyntaxTree tree = parsed.tree();
    for (TSNode node : Nodes.descendants(tree.root(), "command")) {
      List<String> words = new ArrayList<>();
      for (TSNode child : Nodes.namedChildren(node)) {
        if (!child.getType().equals("variable_assignment")
            && !child.getType().endsWith("redirect")) {
          words.add(word(tree, child));
        }
      }
      command(words, line, directory, depth);
    }
  }

  /** One simple command, as words without quotes. */
  private void command(List<String> words, int line, String directory, int depth) {
    while (!words.isEmpty() && (WRAPPERS.contains(base(words.get(0))) || isEnv(words))) {
      words = words.subList(1, words.size());
      while (!words.isEmpty() && words.get(0).contains("=") && !words.get(0).startsWith("-")) {
        words = words.subList(1, words.size());
      }
    }
    if (words.isEmpty()) {
      return;
    }
    String program = base(words.get(0));
    List<String> args = words.subList(1, words.size());
    if (SHELLS.contains(program)) {
      int c = args.indexOf("-c");
      if (c >= 0 && c + 1 < args.size()) {
        run(args.get(c + 1), line, directory, depth + 1);
      } else {
        firstOperand(args).ifPresent(a -> file(a, directory));
      }
    } else if (program.startsWith("python")) {
      python(args, directory);
    } else if (program.equals("django-admin") && !args.isEmpty()) {
      managementCommand(args.get(0));
    } else if ((program.equals("uv") || program.equals("poetry") || program.equals("pipenv"))
        && !args.isEmpty()
        && args.get(0).equals("run")) {
      command(new ArrayList<>(args.subList(1, args.size())), line, directory, depth);
    } else if (NODE_RUNNERS.contains(program) || program.equals("npx")) {
      firstOperand(
              args.isEmpty() || !args.get(0).equals("run") ? args : args.subList(1, args.size()))
          .ifPresent(a -> script(a, directory));
    } else if (PACKAGE_MANAGERS.contains(program)) {
      packageScript(args, line, directory, depth);
    } else if (program.equals("java")) {
      java(args);
    } else if (program.equals("psql")) {
      for (int i = 0; i < args.size(); i++) {
        if ((args.get(i).equals("-f") || args.get(i).equals("--file")) && i + 1 < args.size()) {
          file(args.get(i + 1), directory);
        } else if (args.get(i).startsWith("--file=")) {
          file(args.get(i).substring("--file=".length()), directory);
        }
      }
    } else if (words.get(0).contains("/") || words.get(0).contains(".")) {
      file(words.get(0), directory);
    }
  }

  /** {@code env A=1 cmd}: the env word itself. */
  private static boolean isEnv(List<String> words) {
    return base(words.get(0)).equals("env");
  }

  private void python(List<String> args, String directory) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("-m") && i + 1 < args.size()) {
        String module = args.get(i + 1).replace('.', '/');
        if (!file(module + ".py", "") && !file(module + "/__main__.py", "")) {
          file(module + "/__init__.py", "");
        }
        return;
      }
      if (arg.startsWith("-")) {
        continue;
      }
      if (arg.endsWith("manage.py") && i + 1 < args.size()) {
        managementCommand(args.get(i + 1));
      } else {
        file(arg, directory);
      }
      return;
    }
  }

  /** {@code manage.py cmd}: the {@code handle} of {@code …/management/commands/cmd.py}. */
  private void managementCommand(String name) {
    for (SourceFile command : paths.resolve("management/commands/" + name + ".py", "")) {
      call(CallGraph.BY_ID + "py:" + command.path() + ":Command.handle");
    }
  }

  /** {@code java [-cp x] com.acme.Main}: that class's {@code main}, when its source is here. */
  private void java(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (JAVA_VALUE_FLAGS.contains(arg) || arg.equals("-jar")) {
        i++;
        continue;
      }
      if (arg.startsWith("-")) {
        continue;
      }
      List<SourceFile> sources = paths.resolve(arg.replace('.', '/') + ".java", "");
      for (SourceFile source : sources) {
        call(CallGraph.BY_ID + arg + "#main/1");
      }
      return;
    }
  }

  /** {@code npm run x}, {@code yarn x}, {@code npm start}: the package.json script's command. */
  private void packageScript(List<String> args, int line, String directory, int depth) {
    if (args.isEmpty()) {
      return;
    }
    String name;
    if (args.get(0).equals("run") || args.get(0).equals("run-script")) {
      if (args.size() < 2) {
        return;
      }
      name = args.get(1);
    } else if (args.get(0).equals("start") || args.get(0).equals("test")) {
      name = args.get(0);
    } else if (!args.get(0).startsWith("-")) {
      name = args.get(0);
    } else {
      return;
    }
    PackageScripts.command(context, directory, name)
        .ifPresent(c -> run(c.command(), line, c.directory(), depth + 1));
  }

  /** A Node runner's script: the file, else its source when the built output is not committed. */
  private void script(String path, String directory) {
    if (file(path, directory)) {
      return;
    }
    String normalised = RepoPaths.normalise(path);
    String stem =
        normalised.contains(".")
            ? normalised.substring(0, normalised.lastIndexOf('.'))
            : normalised;
    for (String build : BUILD_DIRECTORIES) {
      if (stem.startsWith(build + "/")) {
        stem = "src/" + stem.substring(build.length() + 1);
        break;
      }
    }
    for (String extension : SOURCE_EXTENSIONS) {
      if (file(stem + extension, directory)) {
        return;
      }
    }
  }

  /** Calls the unit of every repository file {@code path} names; whether one was found. */
  private boolean file(String path, String directory) {
    List<SourceFile> found = paths.resolve(path, directory);
    for (SourceFile target : found) {
      Language language = target.language();
      if (language == Language.SQL) {
        call(SqlFileFrontend.unitId(target.path()));
      } else if (language == Language.SHELL) {
        call(ShellFrontend.unitId(target.path()));
      } else if (language == Language.PYTHON) {
        call(CallGraph.BY_ID + "py:" + target.path());
        call(CallGraph.BY_ID + "py:" + target.path() + ":__main__");
      } else if (language == Language.TYPESCRIPT || language == Language.JAVASCRIPT) {
        call(CallGraph.BY_ID + "ts:" + target.path() + "#<module>@1:1");
      }
    }
    return !found.isEmpty();
  }

  private void call(String name) {
    facts.call(new CallSite(unitId, name, 0, null));
    links++;
  }

  private static Optional<String> firstOperand(List<String> args) {
    return args.stream().filter(a -> !a.startsWith("-")).findFirst();
  }

  private static String base(String word) {
    return word.substring(word.lastIndexOf('/') + 1);
  }

  /**
   * The value of a shell word: quotes removed, concatenated parts ({@code 'a'\''b'}) joined,
   * backslash escapes outside single quotes resolved. Expansions stay as written.
   */
  static String word(SyntaxTree tree, TSNode node) {
    String text = tree.text(node);
    switch (node.getType()) {
      case "raw_string":
        return text.length() >= 2 ? text.substring(1, text.length() - 1) : text;
      case "string":
        return unescape(text.length() >= 2 ? text.substring(1, text.length() - 1) : text);
      case "concatenation":
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < node.getChildCount(); i++) {
          joined.append(word(tree, node.getChild(i)));
        }
        return joined.toString();
      default:
        return unescape(text);
    }
  }

  /** {@code \x} → {@code x}. */
  private static String unescape(String text) {
    if (!text.contains("\\")) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        c = text.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }
}
