package dev.blastradius.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.TableRef;
import dev.blastradius.source.Location;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A drop followed by a rename onto the dropped name is spelled out as column changes. */
class TableRebuildsTest {

  private static final TableRef T = new TableRef("public", "t");
  private static final TableRef NEW_T = new TableRef("public", "__new_t");

  private static MigrationStatement statement(int line, SchemaChange... changes) {
    return new MigrationStatement(
        Location.ofLine("m.sql", line),
        "statement " + line,
        StatementKind.DDL,
        List.of(changes),
        Optional.empty(),
        Optional.empty());
  }

  private static Catalog before() {
    return Catalog.empty().toBuilder()
        .createTable(
            T,
            List.of(
                new Catalog.Column("id", "integer", true, null),
                new Catalog.Column("a", "text", false, null),
                new Catalog.Column("b", "integer", false, null),
                new Catalog.Column("c", "text", false, null)))
        .build();
  }

  @Test
  void positive_rebuildBecomesDropTypeAndNullabilityChanges() {
    List<MigrationStatement> statements =
        List.of(
            statement(
                1,
                new CreateTable(
                    NEW_T,
                    List.of(
                        new Catalog.Column("id", "integer", true, null),
                        new Catalog.Column("a", "text", true, null),
                        new Catalog.Column("b", "text", false, null)))),
            statement(2, new DropTable(T)),
            statement(3, new RenameTable(NEW_T, T)));

    List<MigrationStatement> spelled = TableRebuilds.spelledOut(statements, before());

    assertThat(spelled.get(1).changes())
        .containsExactly(
            new AlterColumnNullability(T, "a", true),
            new AlterColumnType(T, "b", "text", null),
            new DropColumn(T, "c"),
            new DropTable(T));
    assertThat(spelled.get(0)).isEqualTo(statements.get(0));
    assertThat(spelled.get(2)).isEqualTo(statements.get(2));
  }

  @Test
  void negative_dropWithoutRenameStaysADrop() {
    List<MigrationStatement> statements = List.of(statement(1, new DropTable(T)));

    assertThat(TableRebuilds.spelledOut(statements, before())).isEqualTo(statements);
  }

  @Test
  void negative_renameOntoANameNobodyDroppedChangesNothing() {
    List<MigrationStatement> statements =
        List.of(
            statement(1, new RenameTable(T, new TableRef("public", "t_old"))),
            statement(2, new DropTable(new TableRef("public", "t_old"))));

    assertThat(TableRebuilds.spelledOut(statements, before())).isEqualTo(statements);
  }
}
