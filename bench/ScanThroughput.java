import com.sun.management.OperatingSystemMXBean;
import dev.blastradius.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The scan's throughput after warm-up: {@code blastradius scan --format json} over TREE, in this
 * JVM, ROUNDS times after WARMUP rounds, each round timed in process CPU (all threads: parsing,
 * linking, the JIT's own threads, GC) and wall time. JVM start and the first compilations are a
 * fixed cost per run that the whole-process figures of the run.sh scripts include and these leave
 * out, so the two together separate the per-byte cost from the per-run one.
 *
 * <p>Bytes are those of the files whose names end with one of EXTENSIONS (comma-separated, e.g.
 * {@code .ts,.tsx,.sql}), as the run.sh scripts count them. Every round must exit with EXIT (default
 * 0: no findings, no problems; a real application may need 4 or 5), and every round's report must be
 * identical to the first's.
 *
 * <p>Usage: java [JVM options] -cp analyzer/target/blastradius.jar bench/ScanThroughput.java TREE
 * EXTENSIONS [WARMUP] [ROUNDS] [EXIT]
 */
public final class ScanThroughput {

  public static void main(String[] args) throws Exception {
    Path tree = Path.of(args[0]);
    List<String> extensions = List.of(args[1].split(","));
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    int exit = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    long bytes = bytes(tree, extensions);
    OperatingSystemMXBean os =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Path report = Files.createTempFile("scan-throughput", ".json");
    String first = null;
    List<double[]> timed = new ArrayList<>();
    try {
      for (int round = 0; round < warmup + rounds; round++) {
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        StringWriter messages = new StringWriter();
        int code =
            Main.run(
                new String[] {
                  "scan", "--format", "json", "--output", report.toString(), "--no-progress",
                  tree.toString()
                },
                new PrintWriter(new StringWriter()),
                new PrintWriter(messages));
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9;
        if (code != exit) {
          throw new IllegalStateException("scan exited " + code + ": " + messages);
        }
        String json = Files.readString(report);
        if (first == null) {
          first = json;
        } else if (!first.equals(json)) {
          throw new IllegalStateException("round " + round + " reported differently");
        }
        System.err.printf(
            Locale.ROOT, "round %d%s: %.2f CPU s, %.2f s%n", round, round < warmup ? " (warm-up)" : "",
            cpu, wall);
        if (round >= warmup) {
          timed.add(new double[] {cpu, wall});
        }
      }
    } finally {
      Files.deleteIfExists(report);
    }
    timed.sort((a, b) -> Double.compare(a[0], b[0]));
    double[] median = timed.get(timed.size() / 2);
    double mb = bytes / 1048576.0;
    System.out.printf(
        Locale.ROOT, "%10s %9s %9s %11s %9s%n", "warm", "MB", "cpu_s", "MB/cpu-s", "wall_s");
    System.out.printf(
        Locale.ROOT,
        "%10s %9.1f %9.2f %11.2f %9.2f%n",
        "median",
        mb,
        median[0],
        mb / median[0],
        median[1]);
  }

  private static long bytes(Path tree, List<String> extensions) throws IOException {
    try (Stream<Path> files = Files.walk(tree)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> extensions.stream().anyMatch(e -> f.getFileName().toString().endsWith(e)))
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sum();
    }
  }
}
