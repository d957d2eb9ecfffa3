package dev.blastradius.lang.migrations;

import dev.blastradius.source.SourceFile;
import java.util.List;

/**
 * A migration file recognised by its tool's layout.
 *
 * @param tool the migration tool, e.g. {@code flyway}
 * @param version the version as written ({@code 1.2}); empty for repeatable migrations
 * @param versionKey numeric parts for ordering; repeatables sort after every versioned one
 * @param description the description part of the file name
 */
public record MigrationScript(
    SourceFile file, String tool, String version, List<Long> versionKey, String description) {

  public MigrationScript {
    versionKey = List.copyOf(versionKey);
  }
}
