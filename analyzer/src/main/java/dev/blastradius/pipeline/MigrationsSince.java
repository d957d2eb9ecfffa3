package dev.blastradius.pipeline;

import dev.blastradius.lang.migrations.MigrationLayout;
import dev.blastradius.lang.migrations.MigrationLayouts;
import dev.blastradius.lang.migrations.MigrationScript;
import dev.blastradius.source.SourceFile;
import dev.blastradius.source.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The proposed change of {@code check --base REV}: the migrations the layouts find in the working
 * tree that were not there at REV, or whose content changed since, in the order their tools apply
 * them. A Liquibase changelog is a file of many change sets that grows (and a master that gains
 * includes): one that changed rather than appeared stays in the history, with a note, because
 * re-checking every change set it holds would report changes made long ago.
 */
final class MigrationsSince {

  /** The migrations to check, and what the comparison noticed. */
  record Result(List<SourceFile> proposed, List<Note> notes) {}

  private static final String GROWING_TOOL = "liquibase";

  private MigrationsSince() {}

  /**
   * Compares the migrations of the two trees.
   *
   * @param before the files of the checkout at the revision
   * @param now the files of the working tree, without the {@code --migration} files
   * @param named the report paths of the {@code --migration} files, which are proposed anyway
   * @param configured the layouts of the directories configured in {@code blastradius.yaml}
   */
  static Result between(
      List<SourceFile> before,
      List<SourceFile> now,
      Set<String> named,
      String revision,
      List<? extends MigrationLayout> configured) {
    Map<String, SourceFile> old = new HashMap<>();
    scripts(before, configured).forEach(s -> old.put(s.file().path(), s.file()));
    List<SourceFile> proposed = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    for (MigrationScript script : scripts(now, configured)) {
      SourceFile file = script.file();
      SourceFile previous = old.remove(file.path());
      if (previous == null) {
        proposed.add(file);
      } else if (!sameContent(previous, file)) {
        if (script.tool().equals(GROWING_TOOL)) {
          notes.add(
              new Note(
                  file.path(),
                  "changed since "
                      + revision
                      + ": Liquibase changelogs are compared by file, so this one is replayed as"
                      + " history; pass change sets it gained with --migration to check them"));
        } else {
          proposed.add(file);
          notes.add(
              new Note(
                  file.path(),
                  "changed since "
                      + revision
                      + ": checked as proposed; a database that already ran the old version will"
                      + " not run it again (and "
                      + script.tool()
                      + " may refuse the changed file)"));
        }
      }
    }
    old.keySet().stream()
        .filter(path -> !named.contains(path))
        .sorted()
        .forEach(
            path ->
                notes.add(
                    new Note(
                        path,
                        "removed since "
                            + revision
                            + ": databases that ran it keep its changes; not checked")));
    return new Result(proposed, notes);
  }

  /** The applied migrations of one tree, in the order their tools run them. */
  private static List<MigrationScript> scripts(
      List<SourceFile> files, List<? extends MigrationLayout> configured) {
    MigrationLayout.Discovery discovery =
        MigrationLayouts.discover(files, f -> SourceText.read(f).text(), configured);
    return discovery.scripts();
  }

  private static boolean sameContent(SourceFile a, SourceFile b) {
    try {
      return Files.mismatch(a.absolutePath(), b.absolutePath()) == -1;
    } catch (IOException e) {
      return false; // unreadable now or then: check it, and replay reports why it cannot be read
    }
  }
}
