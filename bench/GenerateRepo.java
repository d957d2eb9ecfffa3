import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a deterministic synthetic Spring/JDBC repository for benchmarks, and records every
 * access it plants in planted.tsv (path, line, kind, table.column) so a run can prove it found them.
 *
 * <p>Usage: java bench/GenerateRepo.java OUTPUT_DIR TARGET_LOC
 */
public final class GenerateRepo {

  private static final int TABLES = 40;
  private static final int COLUMNS = 8;

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    long targetLoc = Long.parseLong(args[1]);
    Random random = new Random(42);
    List<String> planted = new ArrayList<>();
    Path migrations = out.resolve("src/main/resources/db/migration");
    Files.createDirectories(migrations);
    long loc = 0;
    for (int t = 0; t < TABLES; t++) {
      StringBuilder sql = new StringBuilder("CREATE TABLE t" + t + " (\n  id bigint PRIMARY KEY");
      for (int c = 0; c < COLUMNS; c++) {
        sql.append(",\n  c").append(c).append(" text");
      }
      sql.append("\n);\n");
      Files.writeString(migrations.resolve("V" + (t + 1) + "__t" + t + ".sql"), sql.toString());
      loc += COLUMNS + 3;
    }
    int fileIndex = 0;
    while (loc < targetLoc) {
      String name = "Dao" + fileIndex;
      String pkg = "app.p" + (fileIndex % 50);
      String path = "src/main/java/" + pkg.replace('.', '/') + "/" + name + ".java";
      List<String> lines = new ArrayList<>();
      lines.add("package " + pkg + ";");
      lines.add("");
      lines.add("import org.springframework.jdbc.core.JdbcTemplate;");
      lines.add("import org.springframework.web.bind.annotation.GetMapping;");
      lines.add("import org.springframework.web.bind.annotation.RestController;");
      lines.add("");
      lines.add("@RestController");
      lines.add("public class " + name + " {");
      lines.add("  private final JdbcTemplate jdbc;");
      lines.add("");
      lines.add("  public " + name + "(JdbcTemplate jdbc) {");
      lines.add("    this.jdbc = jdbc;");
      lines.add("  }");
      for (int m = 0; m < 8; m++) {
        int table = random.nextInt(TABLES);
        int column = random.nextInt(COLUMNS);
        lines.add("");
        lines.add("  @GetMapping(\"/" + name.toLowerCase() + "/" + m + "\")");
        lines.add("  public Object query" + m + "(long id) {");
        lines.add("    String label = \"value \" + id;");
        lines.add("    StringBuilder unrelated = new StringBuilder(label);");
        lines.add("    for (int i = 0; i < 3; i++) {");
        lines.add("      unrelated.append(i);");
        lines.add("    }");
        if (m % 2 == 0) {
          planted.add(path + "\t" + (lines.size() + 1) + "\tread\tt" + table + ".c" + column);
          lines.add("    return jdbc.queryForObject(\"SELECT c" + column + " FROM t" + table + " WHERE id = ?\", String.class, id);");
        } else {
          planted.add(path + "\t" + (lines.size() + 1) + "\twrite\tt" + table + ".c" + column);
          lines.add("    return jdbc.update(\"UPDATE t" + table + " SET c" + column + " = ? WHERE id = ?\", label, id);");
        }
        lines.add("  }");
      }
      lines.add("}");
      Path file = out.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, lines, StandardCharsets.UTF_8);
      loc += lines.size();
      fileIndex++;
    }
    Files.write(out.resolve("planted.tsv"), planted, StandardCharsets.UTF_8);
    System.out.println("generated " + fileIndex + " Java files, " + loc + " lines, " + planted.size() + " planted accesses");
  }
}
