package dev.blastradius.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A repository whose table, column, file and route names try to break reports: {@code </script>},
 * an attribute break-out with an {@code onerror} handler, a {@code javascript:} URL, a
 * right-to-left override, a 10 kB identifier, emoji and U+2028/U+2029. Injected code would set
 * {@code window.__pwned}. Names the SQL parser rejects (emoji and line separators in identifiers)
 * land in file paths and a migration that cannot be parsed, so they reach the reports as paths and
 * problems instead.
 */
public final class HostileRepo {

  public static final String SCRIPT_END = "</script><script>window.__pwned=1</script>";
  public static final String ATTRIBUTE_BREAK = "\"><img src=x onerror=window.__pwned=1>";
  public static final String JAVASCRIPT_URL = "javascript:alert(1)";
  public static final String RTL = "evil\u202eexe.sql";
  public static final String LONG = "x".repeat(10_240);
  public static final String EMOJI = "💥";
  public static final String SEPARATORS = "a\u2028b\u2029c";

  /**
   * The same attacks without a dot, for SQL identifiers: the analyzer splits quoted names at dots
   * (a known limitation), and {@code __pwned=1} sets the same global as {@code window.__pwned=1}.
   */
  public static final String SQL_SCRIPT_END = "</script><script>__pwned=1</script>";

  public static final String SQL_ATTRIBUTE_BREAK = "\"><img src=x onerror=__pwned=1>";

  /** The directory the hostile code lives in. */
  public static final String CODE_DIR =
      "src/" + ATTRIBUTE_BREAK + "/" + JAVASCRIPT_URL + "/\u202ertl" + EMOJI + SEPARATORS;

  /** The proposed migration, relative to the repository. */
  public static final String PROPOSED = "proposed/V2__drop.sql";

  private static final String TABLE = quote(SQL_SCRIPT_END);
  private static final List<String> COLUMNS =
      List.of(quote(SQL_ATTRIBUTE_BREAK), quote(JAVASCRIPT_URL), quote(RTL), quote(LONG));

  private HostileRepo() {}

  /** Writes the repository under {@code root}. */
  public static void write(Path root) {
    String columns = String.join(", ", COLUMNS);
    file(
        root,
        "db/migration/V1__create.sql",
        "CREATE TABLE "
            + TABLE
            + " (id bigint, "
            + String.join(" text, ", COLUMNS)
            + " text);\n"
            + "CREATE TABLE \""
            + EMOJI
            + "\" (\""
            + SEPARATORS
            + "\" text);\n");
    file(
        root,
        CODE_DIR + "/q</script>.sql",
        "SELECT "
            + columns
            + " FROM "
            + TABLE
            + ";\nUPDATE "
            + TABLE
            + " SET "
            + COLUMNS.get(0)
            + " = 1;\n"
            // Deliberately unparseable, so every report shows its "not analysed" section.
            + "SELEC \"</script>\" FROM \"\u202e\";\n");
    file(
        root,
        CODE_DIR + "/EvilController.java",
        """
        package evil;

        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.web.bind.annotation.GetMapping;
        import org.springframework.web.bind.annotation.RestController;

        @RestController
        public class EvilController {
          private final JdbcTemplate jdbc;

          EvilController(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
          }

          @GetMapping("/\\"><img src=x onerror=window.__pwned=1>/javascript:alert(1)/\u202e💥")
          public Object show() {
            return jdbc.queryForList(
                "SELECT \\"javascript:alert(1)\\" FROM \\"</script><script>__pwned=1</script>\\"");
          }
        }
        """);
    StringBuilder drops = new StringBuilder();
    for (String column : COLUMNS) {
      drops
          .append("ALTER TABLE ")
          .append(TABLE)
          .append(" DROP COLUMN ")
          .append(column)
          .append(";\n");
    }
    file(root, PROPOSED, drops.toString());
  }

  /** {@code "name"} with embedded quotes doubled, as SQL quotes identifiers. */
  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static void file(Path root, String path, String text) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
