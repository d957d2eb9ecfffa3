package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;
import java.util.Locale;

/**
 * A statement or {@code ALTER TABLE} action that changes no column definition but matters for
 * locking: {@code VACUUM FULL}, {@code CLUSTER}, {@code LOCK TABLE}, {@code SET TABLESPACE}, {@code
 * ATTACH PARTITION}, {@code REFRESH MATERIALIZED VIEW}, {@code TRUNCATE}, …
 *
 * @param detail extra words that matter to rules (the lock mode, {@code CONCURRENTLY}), or ""
 */
public record TableOperation(TableRef table, Kind kind, String detail) implements SchemaChange {

  /** The operations we recognise. */
  public enum Kind {
    VACUUM,
    VACUUM_FULL,
    ANALYZE,
    CLUSTER,
    LOCK,
    TRUNCATE,
    REFRESH_MATERIALIZED_VIEW,
    SET_TABLESPACE,
    SET_LOGGED,
    SET_UNLOGGED,
    ATTACH_PARTITION,
    DETACH_PARTITION,
    ROW_LEVEL_SECURITY,
    TRIGGER_STATE,
    OTHER_ALTER
  }

  @Override
  public List<ColumnRef> columns() {
    return List.of();
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    // No definition changes.
  }

  @Override
  public String describe() {
    if (kind == Kind.OTHER_ALTER) {
      return "alter table " + table.displayName() + (detail.isEmpty() ? "" : ": " + detail);
    }
    return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + (detail.isEmpty() ? "" : " " + detail)
        + " on "
        + table.displayName();
  }
}
