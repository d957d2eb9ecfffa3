package dev.blastradius.lang.migrations;

import dev.blastradius.lang.python.django.DjangoMigrations;
import dev.blastradius.source.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Django: {@code <app>/migrations/*.py} files declaring {@code class Migration}, in their
 * dependency graph's order, replayed through the model state they build; see {@link
 * DjangoMigrations}.
 */
public final class DjangoLayout implements MigrationLayout {

  @Override
  public String tool() {
    return DjangoMigrations.TOOL;
  }

  @Override
  public Discovery discover(List<SourceFile> files, Function<SourceFile, String> text) {
    return DjangoMigrations.discover(files, text);
  }

  @Override
  public Optional<MigrationScript> proposed(SourceFile file, String text) {
    return DjangoMigrations.proposed(file, text);
  }
}
