package dev.blastradius.pipeline;

import dev.blastradius.lang.FileFacts;
import dev.blastradius.source.SourceTree;
import java.util.ArrayList;
import java.util.List;

/** The notes of a run: what was skipped and what was assumed. */
final class Notes {

  private Notes() {}

  static List<Note> of(SourceTree tree, ReplaySchema.Result replay, List<FileFacts> facts) {
    List<Note> notes = new ArrayList<>();
    facts.forEach(f -> f.notes().forEach(n -> notes.add(new Note(f.path(), n))));
    tree.skipped().forEach(s -> notes.add(new Note(s.path(), s.reason())));
    replay.notes().forEach(n -> notes.add(new Note(n.path(), n.message())));
    if (replay.tools().isEmpty()) {
      notes.add(
          new Note(
              ".",
              "no applied migrations found (Flyway, Liquibase, Prisma, Supabase, Drizzle,"
                  + " golang-migrate, dbmate):"
                  + " SELECT * and positional INSERT could not be expanded into columns"));
    } else {
      notes.add(
          new Note(
              ".",
              "replayed "
                  + replay.replayedCount()
                  + " applied migration"
                  + (replay.replayedCount() == 1 ? "" : "s")
                  + " ("
                  + String.join(", ", replay.tools())
                  + ")"));
    }
    return notes;
  }
}
