package dev.blastradius.lang.migrations;

import dev.blastradius.schema.Identifiers;
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
 * @param prepared the steps as the layout worked them out, for formats whose meaning depends on the
 *     migrations before them (Django's model state); null for the others
 */
public record MigrationScript(
    SourceFile file,
    String tool,
    String version,
    List<Long> versionKey,
    String description,
    ScriptFormat format,
    Prepared prepared) {

  /** Steps a layout worked out when it found the script; names fold by the dialect's rules. */
  public interface Prepared {
    List<MigrationStep> steps(Identifiers ids);
  }

  public MigrationScript {
    versionKey = List.copyOf(versionKey);
  }

  /** A script read from its own text. */
  public MigrationScript(
      SourceFile file,
      String tool,
      String version,
      List<Long> versionKey,
      String description,
      ScriptFormat format) {
    this(file, tool, version, versionKey, description, format, null);
  }

  /** A plain SQL migration. */
  public MigrationScript(
      SourceFile file, String tool, String version, List<Long> versionKey, String description) {
    this(file, tool, version, versionKey, description, ScriptFormat.SQL);
  }
}
