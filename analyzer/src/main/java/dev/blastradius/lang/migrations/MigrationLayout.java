package dev.blastradius.lang.migrations;

import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One migration tool's layout: which files are its migrations and the order the tool applies them
 * in. One class per tool, registered in {@link MigrationLayouts}.
 */
public interface MigrationLayout {

  /** The tool's name as shown in reports, e.g. {@code flyway}. */
  String tool();

  /**
   * This tool's migrations among {@code files}, in the order the tool applies them.
   *
   * @param text reads a file's text (for journals, plans and master changelogs)
   */
  Discovery discover(List<SourceFile> files, Function<SourceFile, String> text);

  /**
   * How to read {@code file} when the user names it with {@code --migration}: its script, if the
   * file looks like this tool's.
   */
  Optional<MigrationScript> proposed(SourceFile file, String text);

  /**
   * The scripts a layout found, in order; the tool's files that are not replayed (down and undo
   * migrations), which are not application code either; and what it could not make sense of.
   */
  record Discovery(
      List<MigrationScript> scripts, List<SourceFile> notReplayed, List<AnalysisProblem> problems) {
    public Discovery {
      scripts = List.copyOf(scripts);
      notReplayed = List.copyOf(notReplayed);
      problems = List.copyOf(problems);
    }

    public static Discovery of(List<MigrationScript> scripts) {
      return new Discovery(scripts, List.of(), List.of());
    }
  }
}
