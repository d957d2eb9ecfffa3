package dev.blastradius.lang.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.source.Language;
import dev.blastradius.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FlywayLayoutTest {

  private static Optional<MigrationScript> recognise(String path) {
    return FlywayLayout.recognise(new SourceFile(Path.of(path), path, Language.SQL));
  }

  @Test
  void recognisesVersionedAndRepeatableMigrationsInDbMigration() {
    assertThat(recognise("src/main/resources/db/migration/V1_2__add_x.sql"))
        .hasValueSatisfying(
            m -> {
              assertThat(m.version()).isEqualTo("1.2");
              assertThat(m.description()).isEqualTo("add x");
            });
    assertThat(recognise("db/migration/R__views.sql"))
        .hasValueSatisfying(m -> assertThat(m.version()).isEmpty());
  }

  @Test
  void ignoresOtherFiles() {
    assertThat(recognise("sql/V1__x.sql")).isEmpty();
    assertThat(recognise("db/migration/U1__undo.sql")).isEmpty();
    assertThat(recognise("db/migration/V1_x__bad.sql")).isEmpty();
    assertThat(recognise("db/migration/notes.sql")).isEmpty();
  }

  @Test
  void positive_undoMigrationsHaveANumericVersion() {
    assertThat(FlywayLayout.isUndo("U1__undo.sql")).isTrue();
    assertThat(FlywayLayout.isUndo("U1.2_10__undo_rename.sql")).isTrue();
  }

  @Test
  void negative_otherNamesStartingWithUAreNotUndoMigrations() {
    assertThat(FlywayLayout.isUndo("Users__seed.sql")).isFalse();
    assertThat(FlywayLayout.isUndo("U__x.sql")).isFalse();
    assertThat(FlywayLayout.isUndo("U1_x__bad.sql")).isFalse();
    assertThat(FlywayLayout.isUndo("U1__x.py")).isFalse();
    assertThat(FlywayLayout.isUndo("V1__x.sql")).isFalse();
  }

  @Test
  void ordersNumericallyWithRepeatablesLast() {
    List<String> ordered =
        Stream.of(
                "V1_10__c.sql",
                "R__views.sql",
                "V1_9__b.sql",
                "V2__d.sql",
                "V1__a.sql",
                "V1.2.1__e.sql")
            .map(n -> recognise("db/migration/" + n).orElseThrow())
            .sorted(FlywayLayout.ORDER)
            .map(m -> m.file().fileName())
            .toList();
    assertThat(ordered)
        .containsExactly(
            "V1__a.sql",
            "V1.2.1__e.sql",
            "V1_9__b.sql",
            "V1_10__c.sql",
            "V2__d.sql",
            "R__views.sql");
  }
}
