package dev.blastradius.lang.migrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Drizzle Kit: {@code <out>/meta/_journal.json} lists the migrations ({@code entries[].tag}) in the
 * order they apply; each is {@code <out>/<tag>.sql}. A journal entry without its file, or a journal
 * that does not parse, is a problem. A journal whose {@code dialect} is {@code sqlite} or {@code
 * turso} (libSQL) makes its scripts {@link ScriptFormat#SQLITE}.
 */
public final class DrizzleLayout implements MigrationLayout {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The journal dialects that mean SQLite syntax; Drizzle Kit writes one of these for libSQL. */
  private static final Set<String> SQLITE_DIALECTS = Set.of("sqlite", "turso");

  @Override
  public String tool() {
    return "drizzle";
  }

  @Override
  public Discovery discover(List<SourceFile> files, Function<SourceFile, String> text) {
    Map<String, SourceFile> byPath = new HashMap<>();
    files.forEach(f -> byPath.put(f.path(), f));
    List<MigrationScript> scripts = new ArrayList<>();
    List<AnalysisProblem> problems = new ArrayList<>();
    for (SourceFile file : files) {
      if (!file.path().endsWith("meta/_journal.json")) {
        continue;
      }
      String out = file.path().substring(0, file.path().length() - "meta/_journal.json".length());
      JsonNode journal;
      try {
        journal = JSON.readTree(text.apply(file));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        problems.add(
            new AnalysisProblem(
                file.path(),
                "replay",
                "cannot read the Drizzle journal: " + e.getOriginalMessage(),
                0));
        continue;
      } catch (IOException e) {
        problems.add(
            new AnalysisProblem(
                file.path(), "replay", "cannot read the Drizzle journal: " + e.getMessage(), 0));
        continue;
      }
      ScriptFormat format =
          SQLITE_DIALECTS.contains(journal.path("dialect").asText())
              ? ScriptFormat.SQLITE
              : ScriptFormat.SQL;
      int index = 0;
      for (JsonNode entry : journal.path("entries")) {
        String tag = entry.path("tag").asText();
        SourceFile sql = byPath.get(out + tag + ".sql");
        if (sql == null) {
          problems.add(
              new AnalysisProblem(
                  file.path(),
                  "replay",
                  "journal entry '" + tag + "' has no " + out + tag + ".sql",
                  0));
          continue;
        }
        scripts.add(
            new MigrationScript(
                sql, tool(), String.format("%06d", index++), List.of(), tag, format));
      }
    }
    return new Discovery(scripts, List.of(), problems);
  }

  @Override
  public Optional<MigrationScript> proposed(SourceFile file, String text) {
    return Optional.empty();
  }
}
