package dev.blastradius.lang.migrations;

import dev.blastradius.schema.TableRef;
import dev.blastradius.source.SourceFile;
import dev.blastradius.source.SourceText;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Liquibase's change types that run SQL: {@code sql} and {@code sqlFile} (their text, split at
 * {@code endDelimiter} when one is given), {@code createProcedure}, {@code createView} ({@code
 * CREATE VIEW name AS} in front of the query, so our SQL reader sees the view and what it reads),
 * and the data changes {@code insert}, {@code update}, {@code delete}, {@code loadData} and {@code
 * loadUpdateData}, written as the SQL they amount to and located at their element (a {@code
 * loadData} writes the columns of its CSV header). SQL text keeps its file lines where the format
 * allows (see {@link TextValue}); otherwise all its statements are reported at the line it starts
 * on. A {@code dbms} filter that excludes the dialect skips the change: it never ran there.
 */
final class LiquibaseSqlChanges {

  private LiquibaseSqlChanges() {}

  static void sql(ChangelogElement change, LiquibaseChanges out) {
    if (!LiquibaseDbms.runsOn(change.attribute("dbms"), out.dialect())) {
      return;
    }
    TextValue text = change.text() != null ? change.text() : change.value("sql");
    if (text == null || text.text().isBlank()) {
      throw new IllegalArgumentException("without SQL: not replayed");
    }
    steps(text, null, change, false, out);
  }

  static void sqlFile(ChangelogElement change, LiquibaseChanges out) {
    if (!LiquibaseDbms.runsOn(change.attribute("dbms"), out.dialect())) {
      return;
    }
    ReadFile file = read(change, "path", out);
    steps(new TextValue(file.text(), 1, file.text()), file.path(), change, false, out);
  }

  /** {@code createProcedure}: its body (inline or {@code path}) is one statement. */
  static void createProcedure(ChangelogElement change, LiquibaseChanges out) {
    if (!LiquibaseDbms.runsOn(change.attribute("dbms"), out.dialect())) {
      return;
    }
    if (change.stripped("path") != null) {
      ReadFile file = read(change, "path", out);
      steps(new TextValue(file.text(), 1, file.text()), file.path(), change, true, out);
      return;
    }
    TextValue text = change.text() != null ? change.text() : change.value("procedureText");
    if (text == null || text.text().isBlank()) {
      throw new IllegalArgumentException("without a procedure body: not replayed");
    }
    steps(text, null, change, true, out);
  }

  static void createView(ChangelogElement change, LiquibaseChanges out) {
    TableRef view = out.table(change, "schemaName", "viewName");
    TextValue query = change.text() != null ? change.text() : change.value("selectQuery");
    if (query == null || query.text().isBlank()) {
      throw new IllegalArgumentException("without selectQuery: not replayed");
    }
    if (change.flag("fullDefinition")) {
      steps(query, null, change, true, out);
      return;
    }
    String prefix =
        "CREATE "
            + (change.flag("replaceIfExists") ? "OR REPLACE " : "")
            + "VIEW "
            + out.quote(view)
            + " AS ";
    String laidOut = query.laidOutWithPrefix(prefix);
    out.step(
        laidOut != null
            ? new MigrationStep.Sql(laidOut, null, 0, true)
            : new MigrationStep.Sql(prefix + query.text(), null, query.line(), true));
  }

  static void insert(ChangelogElement change, LiquibaseChanges out) {
    TableRef table = out.table(change);
    StringJoiner names = new StringJoiner(", ");
    StringJoiner values = new StringJoiner(", ");
    for (ChangelogElement column : columns(change)) {
      names.add(out.quote(out.name(out.required(column, "name"))));
      values.add(LiquibaseValues.expression(column, "value", out.dialect()).orElse("null"));
    }
    generated(
        "INSERT INTO " + out.quote(table) + " (" + names + ") VALUES (" + values + ")",
        change,
        out);
  }

  static void update(ChangelogElement change, LiquibaseChanges out) {
    TableRef table = out.table(change);
    StringJoiner assignments = new StringJoiner(", ");
    for (ChangelogElement column : columns(change)) {
      assignments.add(
          out.quote(out.name(out.required(column, "name")))
              + " = "
              + LiquibaseValues.expression(column, "value", out.dialect()).orElse("null"));
    }
    generated("UPDATE " + out.quote(table) + " SET " + assignments + where(change), change, out);
  }

  static void delete(ChangelogElement change, LiquibaseChanges out) {
    generated("DELETE FROM " + out.quote(out.table(change)) + where(change), change, out);
  }

  /**
   * {@code loadData}/{@code loadUpdateData}: an INSERT of the CSV's columns (header names, renamed
   * by {@code column header=… name=…}, without {@code type="skip"} ones).
   */
  static void loadData(ChangelogElement change, LiquibaseChanges out) {
    TableRef table = out.table(change);
    List<ChangelogElement> declared = change.items("columns", "column");
    List<String> columns = new ArrayList<>();
    Optional<List<String>> header = csvHeader(change, out);
    if (header.isPresent()) {
      for (String name : header.get()) {
        Optional<ChangelogElement> mapped =
            declared.stream()
                .filter(
                    c ->
                        name.equals(c.stripped("header"))
                            || (c.stripped("header") == null && name.equals(c.stripped("name"))))
                .findFirst();
        if (mapped.isPresent() && "skip".equalsIgnoreCase(mapped.get().stripped("type"))) {
          continue;
        }
        columns.add(
            out.name(mapped.map(c -> c.stripped("name")).filter(n -> n != null).orElse(name)));
      }
    } else {
      for (ChangelogElement column : declared) {
        if (column.stripped("name") != null && !"skip".equalsIgnoreCase(column.stripped("type"))) {
          columns.add(out.name(column.stripped("name")));
        }
      }
    }
    if (columns.isEmpty()) {
      throw new IllegalArgumentException(
          "with file '"
              + change.stripped("file")
              + "': cannot read its CSV header and no columns are declared, so the columns it"
              + " writes are unknown: not replayed");
    }
    StringJoiner names = new StringJoiner(", ");
    StringJoiner values = new StringJoiner(", ");
    columns.forEach(
        c -> {
          names.add(out.quote(c));
          values.add("null");
        });
    generated(
        "INSERT INTO " + out.quote(table) + " (" + names + ") VALUES (" + values + ")",
        change,
        out);
  }

  private static List<ChangelogElement> columns(ChangelogElement change) {
    List<ChangelogElement> columns = change.items("columns", "column");
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("without columns: not replayed");
    }
    return columns;
  }

  private static String where(ChangelogElement change) {
    TextValue where = change.value("where");
    return where == null || where.text().isBlank() ? "" : " WHERE " + where.text().strip();
  }

  /** SQL we wrote for a data change, reported at the change's line. */
  private static void generated(String sql, ChangelogElement change, LiquibaseChanges out) {
    out.step(new MigrationStep.Sql(sql, null, change.line(), false));
  }

  /**
   * The steps of a SQL text: split at {@code endDelimiter} (at line ends) into pieces that are each
   * one statement for the tool, else the whole text, one statement when {@code
   * splitStatements="false"} (or {@code whole} by default).
   */
  private static void steps(
      TextValue text, String path, ChangelogElement options, boolean whole, LiquibaseChanges out) {
    boolean split = whole ? options.flag("splitStatements") : !options.isFalse("splitStatements");
    String delimiter = options.stripped("endDelimiter");
    String source = text.laidOut() != null ? text.laidOut() : text.text();
    int line = text.laidOut() != null ? 0 : text.line();
    if (delimiter == null || delimiter.equals(";")) {
      out.step(new MigrationStep.Sql(source, path, line, !split));
      return;
    }
    // Liquibase strips the delimiter even when it does not split at it.
    for (String piece : EndDelimiter.pieces(source, delimiter)) {
      out.step(new MigrationStep.Sql(piece, path, line, true));
    }
  }

  /** A file a change names, as text, with its report-relative path. */
  private record ReadFile(String path, String text) {}

  private static ReadFile read(ChangelogElement change, String key, LiquibaseChanges out) {
    String reference = out.required(change, key);
    SourceFile changelog = out.changelog();
    for (String candidate :
        ChangelogPaths.candidates(
            changelog.path(), reference, change.flag("relativeToChangelogFile"))) {
      Optional<Path> absolute = ChangelogPaths.existing(changelog, candidate);
      if (absolute.isEmpty()) {
        continue;
      }
      try {
        byte[] bytes = Files.readAllBytes(absolute.get());
        Charset charset = charset(change.stripped("encoding"));
        String text =
            charset.equals(StandardCharsets.UTF_8)
                ? SourceText.decode(candidate, bytes).text()
                : new String(bytes, charset);
        return new ReadFile(candidate, text);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot read '" + reference + "' (" + e.getMessage() + "): not replayed");
      }
    }
    throw new IllegalArgumentException(
        "names '" + reference + "', which does not exist: not replayed");
  }

  private static Charset charset(String name) {
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  /** The column names of a {@code loadData} CSV's first line, or empty when it cannot be read. */
  private static Optional<List<String>> csvHeader(ChangelogElement change, LiquibaseChanges out) {
    ReadFile file;
    try {
      file = read(change, "file", out);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String first = file.text().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    String separator = Optional.ofNullable(change.attribute("separator")).orElse(",");
    String quote = Optional.ofNullable(change.attribute("quotchar")).orElse("\"");
    List<String> names = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < first.length(); i++) {
      char c = first.charAt(i);
      if (!quote.isEmpty() && c == quote.charAt(0)) {
        quoted = !quoted;
      } else if (!quoted && !separator.isEmpty() && first.startsWith(separator, i)) {
        names.add(current.toString().strip());
        current.setLength(0);
        i += separator.length() - 1;
      } else {
        current.append(c);
      }
    }
    names.add(current.toString().strip());
    names.removeIf(String::isEmpty);
    return names.isEmpty() ? Optional.empty() : Optional.of(names);
  }
}
