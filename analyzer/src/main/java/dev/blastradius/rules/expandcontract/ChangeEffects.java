package dev.blastradius.rules.expandcontract;

import dev.blastradius.change.AddColumn;
import dev.blastradius.change.AlterColumnType;
import dev.blastradius.change.CreateTable;
import dev.blastradius.change.DropColumn;
import dev.blastradius.change.DropTable;
import dev.blastradius.change.RenameColumn;
import dev.blastradius.change.RenameTable;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a schema change does to the columns code uses, as the rules that compare the code at {@code
 * --base} with the new code see it: which columns it takes away from code written before it, and
 * which it gives only to code written after it. A table-level change affects every column of the
 * table that code accesses, and its table-level accesses ({@code *}).
 */
final class ChangeEffects {

  /** Spellings of the same type, for telling a widening from a real type change. */
  private static final Map<String, String> SYNONYMS =
      Map.of(
          "character varying", "varchar",
          "int", "integer",
          "int4", "integer",
          "int2", "smallint",
          "int8", "bigint",
          "decimal", "numeric");

  /** Integer types from narrow to wide: old code reads and writes a wider one unchanged. */
  private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");

  private static final Pattern SIZED = Pattern.compile("^([a-z ]+?)\\s*(?:\\(([0-9, ]+)\\))?$");

  private ChangeEffects() {}

  /**
   * The columns whose accesses stop working once {@code change} has run: a dropped column, a column
   * under its old name, every accessed column of a dropped or renamed table, a column whose type
   * changes other than by widening. Empty for changes that take nothing away.
   *
   * @param before the schema just before the change, for the old type
   * @param accessed the columns the code in question accesses
   */
  static List<ColumnRef> takenAway(SchemaChange change, Catalog before, Set<ColumnRef> accessed) {
    if (change instanceof DropColumn drop) {
      return List.of(drop.column());
    }
    if (change instanceof RenameColumn rename) {
      return List.of(rename.oldColumn());
    }
    if (change instanceof DropTable drop) {
      return ofTable(drop.table(), accessed);
    }
    if (change instanceof RenameTable rename) {
      return ofTable(rename.table(), accessed);
    }
    if (change instanceof AlterColumnType type && !widens(oldType(type, before), type.newType())) {
      return List.of(type.table().column(type.column()));
    }
    return List.of();
  }

  /**
   * The columns that exist only once {@code change} has run: an added column, every accessed column
   * of a created table, a column or table under its new name. Empty for other changes, and for a
   * column {@code before} already has ({@code ADD COLUMN IF NOT EXISTS}).
   */
  static List<ColumnRef> introduced(SchemaChange change, Catalog before, Set<ColumnRef> accessed) {
    if (change instanceof AddColumn add) {
      return before.hasColumn(add.table(), add.definition().name())
          ? List.of()
          : List.of(add.column());
    }
    if (change instanceof RenameColumn rename) {
      return List.of(rename.newColumn());
    }
    if (change instanceof CreateTable create) {
      return before.table(create.table()).isPresent()
          ? List.of()
          : ofTable(create.table(), accessed);
    }
    if (change instanceof RenameTable rename) {
      return ofTable(rename.newTable(), accessed);
    }
    return List.of();
  }

  /** "Dropping users.name", "Renaming table users to people": the change as a sentence subject. */
  static String asSubject(SchemaChange change, Catalog before) {
    if (change instanceof DropColumn drop) {
      return "Dropping " + drop.column().displayName();
    }
    if (change instanceof RenameColumn rename) {
      return "Renaming " + rename.oldColumn().displayName() + " to " + rename.to();
    }
    if (change instanceof DropTable drop) {
      return "Dropping table " + drop.table().displayName();
    }
    if (change instanceof RenameTable rename) {
      return "Renaming table "
          + rename.table().displayName()
          + " to "
          + rename.newTable().displayName();
    }
    if (change instanceof AlterColumnType type) {
      return "Changing the type of "
          + type.table().column(type.column()).displayName()
          + oldType(type, before).map(t -> " from " + t).orElse("")
          + " to "
          + type.newType();
    }
    return change.describe();
  }

  /** Every column of {@code table} that is accessed, table-level accesses included. */
  private static List<ColumnRef> ofTable(TableRef table, Set<ColumnRef> accessed) {
    List<ColumnRef> columns = new ArrayList<>();
    accessed.stream().filter(c -> c.tableRef().equals(table)).sorted().forEach(columns::add);
    if (columns.isEmpty()) {
      columns.add(table.column(ColumnRef.TABLE_LEVEL));
    }
    return columns;
  }

  private static Optional<String> oldType(AlterColumnType type, Catalog before) {
    return before
        .table(type.table())
        .flatMap(t -> t.column(type.column()))
        .map(Catalog.Column::type);
  }

  /**
   * Whether code written for {@code from} keeps working with {@code to}: the same type, a longer
   * {@code varchar}, {@code varchar} to {@code text}, more numeric precision at the same scale, a
   * wider integer. An unknown old type is not a widening.
   */
  static boolean widens(Optional<String> from, String to) {
    if (from.isEmpty()) {
      return false;
    }
    Optional<Sized> old = Sized.parse(from.get());
    Optional<Sized> now = Sized.parse(to);
    if (old.isEmpty() || now.isEmpty()) {
      return false;
    }
    Sized a = old.get();
    Sized b = now.get();
    if (a.equals(b)) {
      return true;
    }
    if (a.base().equals("varchar")) {
      return b.base().equals("text")
          || (b.base().equals("varchar") && (b.sizes().isEmpty() || atLeast(b, a, 0)));
    }
    if (a.base().equals("numeric") && b.base().equals("numeric")) {
      return b.sizes().isEmpty()
          || (a.sizes().size() == b.sizes().size()
              && atLeast(b, a, 0)
              && (a.sizes().size() < 2 || a.sizes().get(1).equals(b.sizes().get(1))));
    }
    int i = INTEGERS.indexOf(a.base());
    int j = INTEGERS.indexOf(b.base());
    return i >= 0 && j >= i;
  }

  private static boolean atLeast(Sized wider, Sized narrower, int index) {
    return !narrower.sizes().isEmpty()
        && wider.sizes().size() > index
        && wider.sizes().get(index) >= narrower.sizes().get(index);
  }

  /** A type as its canonical base name and size modifiers: {@code varchar(20)}. */
  private record Sized(String base, List<Integer> sizes) {
    static Optional<Sized> parse(String type) {
      String text = type.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
      Matcher matcher = SIZED.matcher(text);
      if (!matcher.matches()) {
        return Optional.empty();
      }
      String base = matcher.group(1).strip();
      base = SYNONYMS.getOrDefault(base, base);
      List<Integer> sizes = new ArrayList<>();
      if (matcher.group(2) != null) {
        for (String size : matcher.group(2).split(",")) {
          sizes.add(Integer.parseInt(size.strip()));
        }
      }
      return Optional.of(new Sized(base, List.copyOf(sizes)));
    }
  }
}
