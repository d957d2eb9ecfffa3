package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/**
 * One schema change a migration statement makes. Rules declare which change types they consume;
 * replay applies them to a {@link Catalog.Builder}.
 */
public sealed interface SchemaChange
    permits CreateTable,
        DropTable,
        RenameTable,
        AddColumn,
        DropColumn,
        RenameColumn,
        AlterColumnType,
        AlterColumnNullability,
        AlterColumnDefault,
        AddConstraint,
        DropConstraint,
        ValidateConstraint,
        CreateIndex,
        DropIndex,
        Reindex,
        CreateView,
        DropView,
        CreateFunction,
        CreateTrigger,
        AddEnumValue,
        TableOperation,
        DropDatabase {

  /** The table the change applies to. */
  TableRef table();

  /** The columns this change defines, removes or renames (for ddl accesses). */
  List<ColumnRef> columns();

  /** Replays the change onto a catalog. */
  void applyTo(Catalog.Builder catalog);

  /** A short human description: {@code drop column users.name}. */
  String describe();
}
