package dev.blastradius.lang.migrations;

import dev.blastradius.source.SourceFile;
import java.util.List;

/**
 * A migration file recognised by its tool's layout.
 *
 * @param tool the migration tool, e.g. {@code flyway}
 * @param version the version as written ({@code 1.2}); empty for repeatable migrations
 * @param versionKey numeric parts for ordering; the layout decides how they compare
 * @param description the description part of the file name
 * @param format how the content is read
 */
public record MigrationScript(
    SourceFile file,
    String tool,
    String version,
    List<Long> versionKey,
    String description,
    ScriptFormat format) {

  public MigrationScript {
    versionKey = List.copyOf(versionKey);
  }

  /** A plain SQL migration. */
  public MigrationScript(
      SourceFile file, String tool, String version, List<Long> versionKey, String description) {
    this(file, tool, version, versionKey, description, ScriptFormat.SQL);
  }
}
