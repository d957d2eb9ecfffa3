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
   * The scripts a layout found, in order; the tool's files that are not scripts of their own and
   * are not application code either (down and undo migrations, SQL files a Liquibase changelog runs
   * with {@code sqlFile}); what it could not make sense of; and what it assumed.
   */
  record Discovery(
      List<MigrationScript> scripts,
      List<SourceFile> notReplayed,
      List<AnalysisProblem> problems,
      List<Note> notes) {
    public Discovery {
      scripts = List.copyOf(scripts);
      notReplayed = List.copyOf(notReplayed);
      problems = List.copyOf(problems);
      notes = List.copyOf(notes);
    }

    /** A discovery with nothing to note. */
    public Discovery(
        List<MigrationScript> scripts,
        List<SourceFile> notReplayed,
        List<AnalysisProblem> problems) {
      this(scripts, notReplayed, problems, List.of());
    }

    public static Discovery of(List<MigrationScript> scripts) {
      return new Discovery(scripts, List.of(), List.of());
    }
  }

  /**
   * An assumption worth telling the user (an order we inferred, a file we left out).
   *
   * @param path the report-relative file it is about, or {@code .}
   */
  record Note(String path, String message) {}
}
