package dev.blastradius.lang.migrations;

import dev.blastradius.schema.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquibase formatted SQL: after the {@code --liquibase formatted sql} line, each {@code
 * --changeset author:id [attribute:value …]} line starts a change set whose body runs up to the
 * next one. Text before the first change set does not run; {@code --rollback} lines and {@code /*
 * liquibase rollback *}{@code /} blocks are SQL comments. {@code --ignoreLines:N} and {@code
 * --ignoreLines:start}…{@code end} blank lines out. Change set attributes: {@code dbms} filters,
 * {@code splitStatements:false} makes the body one statement, {@code endDelimiter} splits it. Lines
 * keep their numbers.
 */
final class FormattedSqlChangelog {

  private static final Pattern CHANGESET =
      Pattern.compile("^\\s*--\\s*changeset\\b(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern AUTHOR_ID = Pattern.compile("\\s+(\"[^\"]*\"|\\S+?):(\\S+).*");
  private static final Pattern IGNORE_LINES =
      Pattern.compile("^\\s*--\\s*ignoreLines:(\\w+)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+):(\\S*)");

  private FormattedSqlChangelog() {}

  /** The steps of a formatted SQL changelog, one or more per change set. */
  static List<MigrationStep> read(String text, SqlDialect dialect) {
    String[] lines = text.split("\n", -1);
    List<MigrationStep> steps = new ArrayList<>();
    int start = -1;
    String header = null;
    for (int i = 0; i <= lines.length; i++) {
      boolean boundary = i == lines.length || CHANGESET.matcher(lines[i]).matches();
      if (!boundary) {
        continue;
      }
      if (start >= 0) {
        changeSet(lines, start, i, header, dialect, steps);
      }
      if (i < lines.length) {
        Matcher changeset = CHANGESET.matcher(lines[i]);
        changeset.matches();
        header = changeset.group(1);
        if (!AUTHOR_ID.matcher(header).matches()) {
          steps.add(
              new MigrationStep.NotReplayed(
                  i + 1,
                  "--changeset at line "
                      + (i + 1)
                      + " is not '--changeset author:id': its SQL is replayed anyway"));
        }
        start = i + 1;
      }
    }
    return steps;
  }

  /** One change set: lines {@code [from, to)} of the file (0-based). */
  private static void changeSet(
      String[] lines,
      int from,
      int to,
      String header,
      SqlDialect dialect,
      List<MigrationStep> steps) {
    String dbms = attribute(header, "dbms");
    if (!LiquibaseDbms.runsOn(dbms, dialect)) {
      return;
    }
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < from; i++) {
      body.append('\n');
    }
    int ignore = 0;
    boolean ignoring = false;
    for (int i = from; i < to; i++) {
      Matcher directive = IGNORE_LINES.matcher(lines[i]);
      if (directive.matches()) {
        String value = directive.group(1).toLowerCase(Locale.ROOT);
        if (value.equals("start")) {
          ignoring = true;
        } else if (value.equals("end")) {
          ignoring = false;
        } else if (value.chars().allMatch(Character::isDigit)) {
          ignore = Integer.parseInt(value);
        }
      } else if (ignore > 0) {
        ignore--;
      } else if (!ignoring) {
        body.append(lines[i]);
      }
      if (i < lines.length - 1) {
        body.append('\n');
      }
    }
    String sql = body.toString();
    if (sql.isBlank()) {
      return;
    }
    boolean split = !"false".equalsIgnoreCase(attribute(header, "splitStatements"));
    String delimiter = attribute(header, "endDelimiter");
    if (delimiter != null && !delimiter.isEmpty() && !delimiter.equals(";")) {
      // Liquibase strips the delimiter even when it does not split at it.
      EndDelimiter.pieces(sql, delimiter)
          .forEach(piece -> steps.add(new MigrationStep.Sql(piece, null, 0, true)));
    } else {
      steps.add(new MigrationStep.Sql(sql, null, 0, !split));
    }
  }

  /** An {@code attribute:value} of a {@code --changeset} line, or null. */
  private static String attribute(String header, String name) {
    Matcher matcher = ATTRIBUTE.matcher(header);
    while (matcher.find()) {
      if (matcher.group(1).equalsIgnoreCase(name)) {
        return matcher.group(2);
      }
    }
    return null;
  }
}
