package dev.blastradius.rules.locking;

import dev.blastradius.change.AddColumn;
import dev.blastradius.change.AddConstraint;
import dev.blastradius.change.AlterColumnDefault;
import dev.blastradius.change.AlterColumnNullability;
import dev.blastradius.change.AlterColumnType;
import dev.blastradius.change.CreateIndex;
import dev.blastradius.change.CreateTrigger;
import dev.blastradius.change.DropColumn;
import dev.blastradius.change.DropConstraint;
import dev.blastradius.change.DropIndex;
import dev.blastradius.change.DropTable;
import dev.blastradius.change.Reindex;
import dev.blastradius.change.RenameColumn;
import dev.blastradius.change.RenameTable;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.change.TableOperation;
import dev.blastradius.change.ValidateConstraint;
import dev.blastradius.rules.locking.TableLock.Work;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.Identifiers;
import dev.blastradius.schema.TableRef;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The table locks each schema change takes in Postgres and what it does while holding them, from
 * the lock tables of the Postgres documentation (ALTER TABLE, CREATE INDEX, REINDEX, CLUSTER,
 * VACUUM, REFRESH MATERIALIZED VIEW, CREATE TRIGGER, LOCK, TRUNCATE). ALTER TABLE takes ACCESS
 * EXCLUSIVE unless the documentation says otherwise. Version-dependent answers use the Postgres
 * major version the user gave.
 */
final class PostgresLocks {

  /** Why adding a column rewrites the table. */
  enum RewriteCause {
    /** A default Postgres must evaluate per row. */
    VOLATILE_DEFAULT,
    /** Before Postgres 11 every non-null default is written into every row. */
    DEFAULT_BEFORE_11,
    /** serial/bigserial (a nextval() default) or GENERATED … AS IDENTITY. */
    AUTO_INCREMENT,
    /** GENERATED ALWAYS AS (…) STORED. */
    STORED_GENERATED
  }

  private static final Set<String> SERIAL_TYPES = Set.of("serial", "bigserial", "smallserial");

  private PostgresLocks() {}

  /** The locks {@code change} takes; empty for changes that lock no existing table. */
  static List<TableLock> of(SchemaChange change, int pgMajor, Catalog catalog) {
    TableRef table = change.table();
    if (change instanceof AddColumn add) {
      Work work = rewriteCause(add, pgMajor).isPresent() ? Work.REWRITE : Work.METADATA;
      if (work == Work.METADATA
          && add.definition().notNull()
          && add.definition().defaultExpression() == null) {
        work = Work.SCAN; // every existing row is checked (and fails) against NOT NULL
      }
      return List.of(new TableLock(table, LockMode.ACCESS_EXCLUSIVE, work));
    }
    if (change instanceof AlterColumnType type) {
      return List.of(
          new TableLock(
              table,
              LockMode.ACCESS_EXCLUSIVE,
              rewritesTable(type, catalog) ? Work.REWRITE : Work.METADATA));
    }
    if (change instanceof AlterColumnNullability nullability) {
      boolean scan = nullability.notNull() && !setNotNullSkipsScan(nullability, catalog, pgMajor);
      return List.of(
          new TableLock(table, LockMode.ACCESS_EXCLUSIVE, scan ? Work.SCAN : Work.METADATA));
    }
    if (change instanceof AddConstraint constraint) {
      return constraintLocks(constraint);
    }
    if (change instanceof CreateIndex index) {
      return index.concurrently()
          ? List.of(new TableLock(table, LockMode.SHARE_UPDATE_EXCLUSIVE, Work.INDEX_BUILD))
          : List.of(new TableLock(table, LockMode.SHARE, Work.INDEX_BUILD));
    }
    if (change instanceof DropIndex drop) {
      return List.of(
          new TableLock(
              table,
              drop.concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE,
              Work.METADATA));
    }
    if (change instanceof Reindex reindex) {
      // Non-concurrent REINDEX locks out writes to the table (and reads through the index).
      return List.of(
          new TableLock(
              table,
              reindex.concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE,
              Work.INDEX_BUILD));
    }
    if (change instanceof CreateTrigger) {
      return List.of(new TableLock(table, LockMode.SHARE_ROW_EXCLUSIVE, Work.METADATA));
    }
    if (change instanceof TableOperation operation) {
      return operationLocks(operation, pgMajor);
    }
    if (change instanceof ValidateConstraint) {
      return List.of(new TableLock(table, LockMode.SHARE_UPDATE_EXCLUSIVE, Work.SCAN));
    }
    boolean catalogOnly =
        change instanceof DropTable
            || change instanceof RenameTable
            || change instanceof DropColumn
            || change instanceof RenameColumn
            || change instanceof AlterColumnDefault
            || change instanceof DropConstraint;
    return catalogOnly
        ? List.of(new TableLock(table, LockMode.ACCESS_EXCLUSIVE, Work.METADATA))
        : List.of();
  }

  private static List<TableLock> constraintLocks(AddConstraint constraint) {
    TableRef table = constraint.table();
    return switch (constraint.kind()) {
      case FOREIGN_KEY -> {
        Work work = constraint.notValid() ? Work.METADATA : Work.SCAN;
        TableLock own = new TableLock(table, LockMode.SHARE_ROW_EXCLUSIVE, work);
        if (constraint.referencedTable() == null || constraint.referencedTable().equals(table)) {
          yield List.of(own);
        }
        yield List.of(
            own, new TableLock(constraint.referencedTable(), LockMode.SHARE_ROW_EXCLUSIVE, work));
      }
      case CHECK, NOT_NULL ->
          List.of(
              new TableLock(
                  table,
                  LockMode.ACCESS_EXCLUSIVE,
                  constraint.notValid() ? Work.METADATA : Work.SCAN));
      case UNIQUE, PRIMARY_KEY ->
          List.of(
              new TableLock(
                  table,
                  LockMode.ACCESS_EXCLUSIVE,
                  constraint.usingIndex() != null ? Work.METADATA : Work.INDEX_BUILD));
      case EXCLUDE -> List.of(new TableLock(table, LockMode.ACCESS_EXCLUSIVE, Work.INDEX_BUILD));
    };
  }

  private static List<TableLock> operationLocks(TableOperation operation, int pgMajor) {
    TableRef table = operation.table();
    String detail = operation.detail();
    return switch (operation.kind()) {
      case VACUUM, ANALYZE ->
          List.of(new TableLock(table, LockMode.SHARE_UPDATE_EXCLUSIVE, Work.SCAN));
      case VACUUM_FULL, CLUSTER, SET_TABLESPACE, SET_LOGGED, SET_UNLOGGED ->
          List.of(new TableLock(table, LockMode.ACCESS_EXCLUSIVE, Work.REWRITE));
      case LOCK -> List.of(new TableLock(table, LockMode.ofLockStatement(detail), Work.METADATA));
      case TRUNCATE, ROW_LEVEL_SECURITY, OTHER_ALTER ->
          List.of(new TableLock(table, LockMode.ACCESS_EXCLUSIVE, Work.METADATA));
      case TRIGGER_STATE ->
          List.of(new TableLock(table, LockMode.SHARE_ROW_EXCLUSIVE, Work.METADATA));
      // CONCURRENTLY takes EXCLUSIVE, which lets reads in; nobody writes a materialized view.
      case REFRESH_MATERIALIZED_VIEW ->
          detail.contains("concurrently")
              ? List.of()
              : List.of(new TableLock(table, LockMode.ACCESS_EXCLUSIVE, Work.REWRITE));
      case DETACH_PARTITION ->
          List.of(
              new TableLock(
                  table,
                  detail.contains("concurrently")
                      ? LockMode.SHARE_UPDATE_EXCLUSIVE
                      : LockMode.ACCESS_EXCLUSIVE,
                  Work.METADATA));
      case ATTACH_PARTITION ->
          List.of(
              new TableLock(
                  table,
                  pgMajor >= 12 ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE,
                  Work.METADATA),
              new TableLock(partitionOf(operation), LockMode.ACCESS_EXCLUSIVE, Work.SCAN));
    };
  }

  /** Why adding this column rewrites the table, if it does. */
  static Optional<RewriteCause> rewriteCause(AddColumn add, int pgMajor) {
    String type = PostgresTypes.canonical(add.definition().type());
    String expression = add.definition().defaultExpression();
    if (SERIAL_TYPES.contains(type)) {
      return Optional.of(RewriteCause.AUTO_INCREMENT);
    }
    if (expression == null) {
      return Optional.empty();
    }
    if (expression.startsWith("generated ")) {
      if (expression.contains("identity")) {
        return Optional.of(RewriteCause.AUTO_INCREMENT);
      }
      // Postgres 18 adds VIRTUAL generated columns, computed on read: no rewrite.
      return expression.contains("stored")
          ? Optional.of(RewriteCause.STORED_GENERATED)
          : Optional.empty();
    }
    if (expression.equalsIgnoreCase("null")) {
      return Optional.empty();
    }
    if (PostgresTypes.volatileFunction(expression) != null) {
      return Optional.of(RewriteCause.VOLATILE_DEFAULT);
    }
    return pgMajor < 11 ? Optional.of(RewriteCause.DEFAULT_BEFORE_11) : Optional.empty();
  }

  /**
   * True when ALTER COLUMN TYPE rewrites the table: the types are not binary coercible, or a USING
   * expression other than the column itself (or a plain cast of it) computes new values. Unknown
   * old types count as a rewrite.
   */
  static boolean rewritesTable(AlterColumnType change, Catalog catalog) {
    Optional<String> from = oldType(change, catalog);
    if (from.isEmpty() || !PostgresTypes.binaryCoercible(from.get(), change.newType())) {
      return true;
    }
    String using = change.using();
    if (using == null) {
      return false;
    }
    String plain = using.replaceAll("[\\s()\"]", "").toLowerCase(Locale.ROOT);
    String column = change.column().toLowerCase(Locale.ROOT);
    return !(plain.equals(column) || plain.startsWith(column + "::"));
  }

  /** The column's type before the change, when the catalog knows it. */
  static Optional<String> oldType(AlterColumnType change, Catalog catalog) {
    return catalog
        .table(change.table())
        .flatMap(t -> t.column(change.column()))
        .map(Catalog.Column::type)
        .filter(t -> !t.isBlank());
  }

  /**
   * True when SET NOT NULL skips its scan: from Postgres 12, a validated CHECK ({@code col IS NOT
   * NULL}) on the table proves the column has no nulls.
   */
  static boolean setNotNullSkipsScan(AlterColumnNullability change, Catalog catalog, int pgMajor) {
    return pgMajor >= 12 && provingCheck(change, catalog).isPresent();
  }

  /** A validated CHECK constraint of the form {@code col IS NOT NULL}, if the table has one. */
  static Optional<Catalog.Check> provingCheck(AlterColumnNullability change, Catalog catalog) {
    String wanted = change.column().toLowerCase(Locale.ROOT) + " is not null";
    return catalog.checks(change.table()).stream()
        .filter(Catalog.Check::validated)
        .filter(
            c ->
                c.expression() != null
                    && c.expression().replaceAll("[()\"]", "").strip().equals(wanted))
        .findFirst();
  }

  /** The table being attached: the first name of ATTACH PARTITION's detail. */
  static TableRef partitionOf(TableOperation attach) {
    String name = attach.detail().strip().split("\\s+", 2)[0].replace("\"", "");
    int dot = name.indexOf('.');
    return dot < 0
        ? new TableRef(Identifiers.DEFAULT_SCHEMA, name)
        : new TableRef(name.substring(0, dot), name.substring(dot + 1));
  }
}
