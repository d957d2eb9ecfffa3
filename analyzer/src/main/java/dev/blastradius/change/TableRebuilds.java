package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table rebuild: a migration drops table {@code t} and later renames another table to {@code t}
 * (Drizzle's SQLite pattern: {@code CREATE TABLE __new_t}, copy the rows, {@code DROP TABLE t},
 * {@code ALTER TABLE __new_t RENAME TO t}, the only way SQLite changes a column's type, nullability
 * or existence). To code, {@code t} never goes away: only the columns the new table leaves out or
 * defines differently change. Those column changes are spelled out at the {@code DROP TABLE},
 * before the drop, so the column rules judge them like the plain {@code ALTER TABLE} they stand
 * for.
 */
public final class TableRebuilds {

  private TableRebuilds() {}

  /**
   * {@code statements} with the column changes of every rebuild added to its {@code DROP TABLE}
   * statement: a {@link DropColumn} for each column the new table lacks, an {@link AlterColumnType}
   * or {@link AlterColumnNullability} for each it defines differently. Replaying the result gives
   * the same schema: the table is dropped right after.
   *
   * @param before the schema before the first statement
   */
  public static List<MigrationStatement> spelledOut(
      List<MigrationStatement> statements, Catalog before) {
    List<Catalog> catalogs = new ArrayList<>(statements.size());
    Catalog current = before;
    boolean renames = false;
    for (MigrationStatement statement : statements) {
      catalogs.add(current);
      if (!statement.changes().isEmpty()) {
        Catalog.Builder builder = current.toBuilder();
        for (SchemaChange change : statement.changes()) {
          change.applyTo(builder);
          renames |= change instanceof RenameTable;
        }
        current = builder.build();
      }
    }
    if (!renames) {
      return statements;
    }
    List<MigrationStatement> result = new ArrayList<>(statements);
    for (int i = 0; i < statements.size(); i++) {
      for (SchemaChange change : statements.get(i).changes()) {
        if (change instanceof RenameTable rename) {
          int drop = lastDrop(statements, i, rename.newTable());
          if (drop >= 0) {
            Optional<Catalog.Table> old = catalogs.get(drop).table(rename.newTable());
            Optional<Catalog.Table> replacement = catalogs.get(i).table(rename.table());
            if (old.isPresent() && replacement.isPresent()) {
              result.set(drop, withColumnChanges(result.get(drop), old.get(), replacement.get()));
            }
          }
        }
      }
    }
    return result;
  }

  /** Whether {@code migration} rebuilds {@code table}: another table takes its name afterwards. */
  public static boolean rebuilds(Migration migration, TableRef table) {
    return migration.changes().stream()
        .anyMatch(c -> c.change() instanceof RenameTable r && r.newTable().equals(table));
  }

  /** The index of the last statement before {@code end} that drops {@code table}, or -1. */
  private static int lastDrop(List<MigrationStatement> statements, int end, TableRef table) {
    for (int i = end - 1; i >= 0; i--) {
      for (SchemaChange change : statements.get(i).changes()) {
        if (change instanceof DropTable drop && drop.table().equals(table)) {
          return i;
        }
      }
    }
    return -1;
  }

  /** The drop statement with the column changes from {@code old} to {@code replacement} first. */
  private static MigrationStatement withColumnChanges(
      MigrationStatement drop, Catalog.Table old, Catalog.Table replacement) {
    TableRef table = old.ref();
    List<SchemaChange> changes = new ArrayList<>();
    for (Catalog.Column column : old.columns()) {
      Optional<Catalog.Column> now = replacement.column(column.name());
      if (now.isEmpty()) {
        changes.add(new DropColumn(table, column.name()));
        continue;
      }
      if (!now.get().type().equalsIgnoreCase(column.type())) {
        changes.add(new AlterColumnType(table, column.name(), now.get().type(), null));
      }
      if (now.get().notNull() != column.notNull()) {
        changes.add(new AlterColumnNullability(table, column.name(), now.get().notNull()));
      }
    }
    changes.addAll(drop.changes());
    return new MigrationStatement(
        drop.location(),
        drop.text(),
        drop.kind(),
        changes,
        drop.transactionCommand(),
        drop.setting(),
        drop.rowUpdate(),
        drop.writes());
  }
}
