package dev.blastradius.lang.migrations;

import dev.blastradius.lang.python.sqlalchemy.AlembicMigrations;
import dev.blastradius.source.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Alembic: {@code versions/*.py} revisions in the order of their {@code down_revision} chain,
 * replayed from their {@code upgrade()} operations; see {@link AlembicMigrations}.
 */
public final class AlembicLayout implements MigrationLayout {

  @Override
  public String tool() {
    return AlembicMigrations.TOOL;
  }

  @Override
  public Discovery discover(List<SourceFile> files, Function<SourceFile, String> text) {
    return AlembicMigrations.discover(files, text);
  }

  @Override
  public Optional<MigrationScript> proposed(SourceFile file, String text) {
    return AlembicMigrations.proposed(file, text);
  }
}
