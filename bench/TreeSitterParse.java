import dev.blastradius.lang.treesitter.Grammar;
import dev.blastradius.lang.treesitter.TreeSitterParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The ceiling the bundled tree-sitter natives put on a frontend: parse-only throughput of one
 * grammar over every file of TREE whose name ends with SUFFIX, on one thread after warm-up (thread
 * CPU time, ROUNDS rounds). Nothing else runs: no tree is read, so a frontend can never be faster
 * per byte it parses.
 *
 * <p>Usage: java -cp analyzer/target/blastradius.jar bench/TreeSitterParse.java TREE GRAMMAR SUFFIX
 * [ROUNDS] (GRAMMAR: TYPESCRIPT, TSX, JAVASCRIPT, PYTHON, BASH)
 */
public final class TreeSitterParse {

  public static void main(String[] args) throws Exception {
    Grammar grammar = Grammar.valueOf(args[1]);
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    List<String> texts = new ArrayList<>();
    long bytes = 0;
    try (Stream<Path> files = Files.walk(Path.of(args[0]))) {
      for (Path file :
          files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(args[2])).toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        texts.add(text);
        bytes += text.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double mb = bytes / 1048576.0;
    for (int round = 0; round < rounds; round++) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      for (String text : texts) {
        if (!(TreeSitterParser.parse(grammar, "f", text, Duration.ofSeconds(10))
            instanceof TreeSitterParser.Result.Parsed)) {
          throw new IllegalStateException("a file did not parse");
        }
      }
      double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "round %d%s: %d files, %.2f MB, %.2f CPU s, %.2f MB/s%n",
          round,
          round == 0 ? " (warm-up)" : "",
          texts.size(),
          mb,
          cpu,
          mb / cpu);
    }
  }
}
