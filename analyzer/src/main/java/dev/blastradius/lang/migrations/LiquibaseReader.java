package dev.blastradius.lang.migrations;

import dev.blastradius.schema.Identifiers;
import java.util.List;
import java.util.Set;

/**
 * Reads an XML, YAML or JSON Liquibase changelog into steps: each {@code changeSet} that runs on
 * the dialect (its {@code dbms} filter), change by change, through {@link LiquibaseChanges}.
 * Contexts, labels, preconditions, {@code runOnChange}/{@code runAlways} and rollbacks do not
 * change what an applied change set did, so they are not replayed. Includes are ordered by {@link
 * LiquibaseLayout} when the changelog is applied; a proposed changelog's includes are not followed
 * (a problem says so). Top-level entries we do not know are problems.
 */
final class LiquibaseReader {

  /** Children of an XML {@code changeSet} that are not changes. */
  private static final Set<String> CHANGE_SET_META =
      Set.of("comment", "preConditions", "validCheckSum", "rollback", "modifySql", "changes");

  /** Top-level entries without an effect on the schema. */
  private static final Set<String> QUIET_ENTRIES =
      Set.of("property", "preConditions", "comment", "logicalFilePath", "objectQuotingStrategy");

  private static final String QUOTE_ALL = "QUOTE_ALL_OBJECTS";

  private LiquibaseReader() {}

  /**
   * The steps of a structured changelog. Throws {@link IllegalArgumentException} when the file is
   * not a changelog we can parse.
   *
   * @param proposed whether the changelog is under review ({@code --migration}) rather than applied
   */
  static List<MigrationStep> read(
      MigrationScript script, String text, Identifiers ids, boolean proposed) {
    ChangelogElement root = LiquibaseChangelog.root(script.format(), text);
    LiquibaseChanges changes = new LiquibaseChanges(ids, script.file());
    boolean quoteAll = QUOTE_ALL.equals(root.stripped("objectQuotingStrategy"));
    for (ChangelogElement entry : root.children()) {
      switch (entry.name()) {
        case "changeSet" -> changeSet(entry, changes, quoteAll);
        case "include", "includeAll" -> {
          if (proposed) {
            changes.notReplayed(
                entry.line(),
                entry.name()
                    + " at line "
                    + entry.line()
                    + " in a proposed changelog is not followed: pass the included changelogs"
                    + " with --migration");
          }
        }
        default -> {
          if (!QUIET_ENTRIES.contains(entry.name())) {
            changes.notReplayed(
                entry.line(),
                "unknown changelog entry '"
                    + entry.name()
                    + "' at line "
                    + entry.line()
                    + ": not replayed");
          }
        }
      }
    }
    return changes.steps();
  }

  private static void changeSet(
      ChangelogElement changeSet, LiquibaseChanges changes, boolean quoteAllByDefault) {
    if (!LiquibaseDbms.runsOn(changeSet.attribute("dbms"), changes.dialect())) {
      return;
    }
    String strategy = changeSet.stripped("objectQuotingStrategy");
    changes.quoteAll(strategy == null ? quoteAllByDefault : QUOTE_ALL.equals(strategy));
    List<ChangelogElement> list =
        changeSet.child("changes").map(ChangelogElement::children).orElse(List.of());
    if (list.isEmpty()) {
      list =
          changeSet.children().stream().filter(c -> !CHANGE_SET_META.contains(c.name())).toList();
    }
    list.forEach(changes::read);
  }
}
