package dev.blastradius.lang.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the Liquibase layout and readers share about changelog files: which files are changelogs, in
 * which format, and their top-level entries ({@code changeSet}, {@code include}, {@code
 * includeAll}, {@code property}, {@code preConditions}).
 */
final class LiquibaseChangelog {

  /** The first line of a formatted SQL changelog. */
  private static final Pattern FORMATTED_SQL =
      Pattern.compile("^\\s*--\\s*liquibase\\s+formatted\\s+sql\\b.*", Pattern.CASE_INSENSITIVE);

  private static final Pattern XML_ROOT = Pattern.compile("<([\\w.-]+:)?databaseChangeLog\\b");
  private static final Pattern YAML_ROOT =
      Pattern.compile("(?m)^[\"']?databaseChangeLog[\"']?\\s*:");
  private static final Pattern JSON_ROOT = Pattern.compile("\"databaseChangeLog\"\\s*:");

  /** Changes whose {@code path} names a SQL file they run. */
  static final Set<String> FILE_REFERENCES = Set.of("sqlFile", "createProcedure");

  private LiquibaseChangelog() {}

  /** The changelog format of a file by its name and content, or empty when it is not one. */
  static Optional<ScriptFormat> format(String fileName, String text) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".xml")) {
      return XML_ROOT.matcher(text).find()
          ? Optional.of(ScriptFormat.LIQUIBASE_XML)
          : Optional.empty();
    }
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return YAML_ROOT.matcher(text).find()
          ? Optional.of(ScriptFormat.LIQUIBASE_YAML)
          : Optional.empty();
    }
    if (lower.endsWith(".json")) {
      return JSON_ROOT.matcher(text).find()
          ? Optional.of(ScriptFormat.LIQUIBASE_JSON)
          : Optional.empty();
    }
    if (lower.endsWith(".sql")) {
      return isFormattedSql(text) ? Optional.of(ScriptFormat.LIQUIBASE_SQL) : Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * The format of a file a changelog includes: like {@link #format}, except that a plain {@code
   * .sql} file is a raw SQL changelog (one change set of plain SQL).
   */
  static Optional<ScriptFormat> includedFormat(String fileName, String text) {
    Optional<ScriptFormat> format = format(fileName, text);
    if (format.isEmpty() && fileName.toLowerCase(Locale.ROOT).endsWith(".sql")) {
      return Optional.of(ScriptFormat.SQL);
    }
    return format;
  }

  /** True for names Liquibase reads as changelogs when {@code includeAll} lists a directory. */
  static boolean hasChangelogExtension(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".xml")
        || lower.endsWith(".yaml")
        || lower.endsWith(".yml")
        || lower.endsWith(".json")
        || lower.endsWith(".sql");
  }

  /** True when the first non-blank line is {@code --liquibase formatted sql}. */
  static boolean isFormattedSql(String text) {
    for (String line : text.split("\n", -1)) {
      if (!line.isBlank()) {
        return FORMATTED_SQL.matcher(line).matches();
      }
    }
    return false;
  }

  /**
   * The {@code databaseChangeLog} element of a structured changelog, whose children are its
   * entries. Throws {@link IllegalArgumentException} with a user-facing message when the text does
   * not parse or has no such element.
   */
  static ChangelogElement root(ScriptFormat format, String text) {
    ChangelogElement document =
        switch (format) {
          case LIQUIBASE_XML -> ChangelogXmlParser.parse(text);
          case LIQUIBASE_YAML -> ChangelogTreeParser.parseYaml(text);
          case LIQUIBASE_JSON -> ChangelogTreeParser.parseJson(text);
          default -> throw new IllegalStateException("not a structured changelog: " + format);
        };
    if (format == ScriptFormat.LIQUIBASE_XML) {
      if (!document.name().equals("databaseChangeLog")) {
        throw new IllegalArgumentException(
            "not a Liquibase changelog: the root element is <" + document.name() + ">");
      }
      return document;
    }
    ChangelogElement root =
        document
            .child("databaseChangeLog")
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "not a Liquibase changelog: no databaseChangeLog list at the top level"));
    if (!root.attributes().isEmpty()) {
      throw new IllegalArgumentException(
          "not a Liquibase changelog: databaseChangeLog (line " + root.line() + ") is not a list");
    }
    return root;
  }

  /**
   * The top-level entries of a changelog of any format, for ordering: structured changelogs are
   * read; a SQL changelog is one entry named {@code changeSet} (include is not followed in SQL).
   */
  static List<ChangelogElement> entries(ScriptFormat format, String text) {
    if (format == ScriptFormat.SQL || format == ScriptFormat.LIQUIBASE_SQL) {
      return List.of(new ChangelogElement("changeSet", 1, Map.of(), List.of(), null));
    }
    return root(format, text).children();
  }

  /** The SQL-file-reading changes ({@code sqlFile}, {@code createProcedure path=…}) of a set. */
  static List<ChangelogElement> fileReferences(ChangelogElement changeSet) {
    List<ChangelogElement> found = new ArrayList<>();
    collect(changeSet, found);
    return found;
  }

  private static void collect(ChangelogElement element, List<ChangelogElement> found) {
    for (ChangelogElement child : element.children()) {
      if (child.name().equals("rollback")) {
        continue;
      }
      if (FILE_REFERENCES.contains(child.name()) && child.attribute("path") != null) {
        found.add(child);
      }
      collect(child, found);
    }
  }
}
