import dev.blastradius.lang.SqlCoverage;
import dev.blastradius.lang.sql.SqlAnalysis;
import dev.blastradius.lang.sql.SqlFrontend;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.SqlDialect;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the SQL frontend spends its time, on one thread after warm-up, over a tree written by
 * GenerateSqlCorpus ({@code postgres/} and {@code mysql/} Flyway histories). Each round times, in
 * CPU time of this thread:
 *
 * <ol>
 *   <li>split: our ANTLR lexer and statement splitter over every file;
 *   <li>JSqlParser: {@code StatementParser.parse} (simple attempt, then complex) on every
 *       statement the splitter produced that the frontend still hands to it (not read by {@code
 *       PlainStatements} or {@code PlainDataStatements});
 *   <li>analyze: {@link SqlFrontend#analyze} over every file in history order, catalog carried
 *       from file to file; "walk and rest" is analyze minus the two above: our DDL reader, the
 *       tree walk to column uses, keyword retries, fallbacks and the catalog replay.
 * </ol>
 *
 * The splitter and parser are package-private; a benchmark may reach them by reflection. Every
 * round must analyse the statement count in {@code expect.txt} with none unanalysed.
 *
 * <p>Usage: java -cp analyzer/target/blastradius.jar bench/sql/SqlThroughput.java TREE [WARMUP_S]
 * [ROUNDS]
 */
public final class SqlThroughput {

  private record Service(SqlDialect dialect, List<String> files, int expected, long bytes) {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private static Method split;
  private static Method text;
  private static Method tokens;
  private static Method lexProblem;
  private static Method meta;
  private static Method parse;
  private static Constructor<?> newParser;
  private static Method accepts;
  private static Method readData;
  private static Method rejected;

  public static void main(String[] args) throws Exception {
    Path tree = Path.of(args[0]);
    double warmupSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 15;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    reflect();
    List<Service> services =
        List.of(
            load(tree.resolve("postgres"), SqlDialect.POSTGRES),
            load(tree.resolve("mysql"), SqlDialect.MYSQL));
    int statements = services.stream().mapToInt(Service::expected).sum();
    long bytes = services.stream().mapToLong(Service::bytes).sum();

    long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
    int warmups = 0;
    while (System.nanoTime() < warmupEnd || warmups < 1) {
      round(services);
      warmups++;
    }
    long[][] measured = new long[3][rounds];
    for (int r = 0; r < rounds; r++) {
      long[] phases = round(services);
      for (int p = 0; p < 3; p++) {
        measured[p][r] = phases[p];
      }
    }
    long splitNs = median(measured[0]);
    long parseNs = median(measured[1]);
    long analyzeNs = median(measured[2]);
    long restNs = Math.max(0, analyzeNs - splitNs - parseNs);

    System.out.printf(
        Locale.ROOT,
        "SqlFrontend on one thread: %d statements, %.1f MB; %d warm-up rounds, median of %d,"
            + " thread CPU time%n",
        statements,
        bytes / 1048576.0,
        warmups,
        rounds);
    System.out.printf(
        Locale.ROOT, "%-44s %12s %14s %12s %7s%n", "phase", "µs/stmt", "stmts/s/core", "MB/s/core",
        "share");
    row("split (ANTLR lexer + splitter)", splitNs, analyzeNs, statements, bytes);
    row("JSqlParser (what still reaches it)", parseNs, analyzeNs, statements, bytes);
    row("walk and rest (DDL reader, walk, replay)", restNs, analyzeNs, statements, bytes);
    row("SqlFrontend.analyze, total", analyzeNs, analyzeNs, statements, bytes);
    int plain = 0;
    int parseable = 0;
    for (Service service : services) {
      int[] counts = withoutParser(service);
      plain += counts[0];
      parseable += counts[1];
    }
    System.out.printf(
        Locale.ROOT,
        "read without JSqlParser: %d of %d statements (%.0f%%)%n",
        plain,
        parseable,
        100.0 * plain / parseable);
  }

  /**
   * How many of a service's statements skip JSqlParser (PlainStatements, and when the jar has them
   * PlainDataStatements and the transaction starts it rejects), and how many there are to parse.
   */
  private static int[] withoutParser(Service service) throws Exception {
    int plain = 0;
    int parseable = 0;
    for (String file : service.files()) {
      for (Object statement : (List<?>) split.invoke(null, file, service.dialect())) {
        List<?> statementTokens = (List<?>) tokens.invoke(statement);
        if (statementTokens.isEmpty()
            || ((Optional<?>) lexProblem.invoke(statement)).isPresent()
            || (boolean) meta.invoke(statement)) {
          continue;
        }
        parseable++;
        if (plain(statementTokens, service.dialect())) {
          plain++;
        }
      }
    }
    return new int[] {plain, parseable};
  }

  /** Whether the frontend reads a statement without JSqlParser. */
  private static boolean plain(List<?> statementTokens, SqlDialect dialect) throws Exception {
    return (boolean) accepts.invoke(null, statementTokens, dialect)
        || (readData != null && readData.invoke(null, statementTokens, dialect) != null)
        || (rejected != null && (boolean) rejected.invoke(null, statementTokens));
  }

  private static void row(String phase, long nanos, long total, int statements, long bytes) {
    double seconds = nanos / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%-44s %12.1f %14.0f %12.2f %6.0f%%%n",
        phase,
        nanos / 1e3 / statements,
        statements / seconds,
        bytes / 1048576.0 / seconds,
        100.0 * nanos / total);
  }

  /** One round: CPU nanoseconds of split, parse and the whole analysis. */
  private static long[] round(List<Service> services) throws Exception {
    long[] phases = new long[3];
    for (Service service : services) {
      List<Object> parseable = new ArrayList<>();
      long start = THREADS.getCurrentThreadCpuTime();
      for (String file : service.files()) {
        for (Object statement : (List<?>) split.invoke(null, file, service.dialect())) {
          if (!((List<?>) tokens.invoke(statement)).isEmpty()
              && ((Optional<?>) lexProblem.invoke(statement)).isEmpty()
              && !(boolean) meta.invoke(statement)) {
            parseable.add(statement);
          }
        }
      }
      phases[0] += THREADS.getCurrentThreadCpuTime() - start;
      List<String> toParser = new ArrayList<>();
      for (Object statement : parseable) {
        if (!plain((List<?>) tokens.invoke(statement), service.dialect())) {
          toParser.add((String) text.invoke(statement));
        }
      }

      Object parser = newParser.newInstance(service.dialect(), Duration.ofSeconds(5));
      start = THREADS.getCurrentThreadCpuTime();
      for (String statement : toParser) {
        parse.invoke(parser, statement);
      }
      phases[1] += THREADS.getCurrentThreadCpuTime() - start;

      SqlFrontend frontend = new SqlFrontend(service.dialect(), Duration.ofSeconds(5));
      Catalog catalog = Catalog.empty();
      int seen = 0;
      int unanalysed = 0;
      start = THREADS.getCurrentThreadCpuTime();
      for (String file : service.files()) {
        SqlAnalysis analysis = frontend.analyze(file, catalog);
        catalog = analysis.catalogAfter();
        SqlCoverage coverage = SqlCoverage.of(analysis.statements());
        seen += coverage.statements();
        unanalysed += coverage.unanalysed();
      }
      phases[2] += THREADS.getCurrentThreadCpuTime() - start;
      if (seen != service.expected() || unanalysed != 0) {
        throw new IllegalStateException(
            service.dialect() + ": expected " + service.expected() + " statements analysed, saw "
                + seen + " with " + unanalysed + " unanalysed");
      }
    }
    return phases;
  }

  private static Service load(Path service, SqlDialect dialect) throws Exception {
    List<Path> paths;
    try (Stream<Path> walk = Files.list(service.resolve("db/migration"))) {
      paths = walk.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    List<String> files = new ArrayList<>();
    long bytes = 0;
    for (Path path : paths) {
      files.add(Files.readString(path, StandardCharsets.UTF_8));
      bytes += Files.size(path);
    }
    String expect = Files.readString(service.resolve("expect.txt"), StandardCharsets.UTF_8).strip();
    int expected = Integer.parseInt(expect.substring(expect.indexOf('=') + 1));
    return new Service(dialect, files, expected, bytes);
  }

  private static void reflect() throws Exception {
    Class<?> splitter = Class.forName("dev.blastradius.lang.sql.SqlSplitter");
    split = accessible(splitter.getDeclaredMethod("split", String.class, SqlDialect.class));
    Class<?> statementText = Class.forName("dev.blastradius.lang.sql.SqlStatementText");
    text = accessible(statementText.getDeclaredMethod("text"));
    tokens = accessible(statementText.getDeclaredMethod("tokens"));
    lexProblem = accessible(statementText.getDeclaredMethod("lexProblem"));
    meta = accessible(statementText.getDeclaredMethod("meta"));
    Class<?> statementParser = Class.forName("dev.blastradius.lang.sql.StatementParser");
    newParser = statementParser.getDeclaredConstructor(SqlDialect.class, Duration.class);
    newParser.setAccessible(true);
    parse = accessible(statementParser.getDeclaredMethod("parse", String.class));
    Class<?> plainStatements = Class.forName("dev.blastradius.lang.sql.PlainStatements");
    accepts =
        accessible(plainStatements.getDeclaredMethod("accepts", List.class, SqlDialect.class));
    try {
      rejected = accessible(plainStatements.getDeclaredMethod("rejectedByParser", List.class));
      readData =
          accessible(
              Class.forName("dev.blastradius.lang.sql.PlainDataStatements")
                  .getDeclaredMethod("read", List.class, SqlDialect.class));
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      // an older jar: DDL shapes only
    }
  }

  private static Method accessible(Method method) {
    method.setAccessible(true);
    return method;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
