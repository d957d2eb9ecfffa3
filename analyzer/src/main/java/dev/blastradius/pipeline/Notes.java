package dev.blastradius.pipeline;

import dev.blastradius.source.SourceTree;
import java.util.ArrayList;
import java.util.List;

/** The notes of a run: what was skipped and what was assumed. */
final class Notes {

  private Notes() {}

  static List<Note> of(SourceTree tree, ReplaySchema.Result replay) {
    List<Note> notes = new ArrayList<>();
    tree.skipped().forEach(s -> notes.add(new Note(s.path(), s.reason())));
    if (replay.migrationFiles().isEmpty()) {
      notes.add(
          new Note(
              ".",
              "no applied migrations found (Flyway db/migration/V*__*.sql): SELECT * and positional"
                  + " INSERT could not be expanded into columns"));
    }
    return notes;
  }
}
