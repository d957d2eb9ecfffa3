package dev.blastradius.lang.ts.drizzle;

import dev.blastradius.lang.ts.JsValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Drizzle table declared with {@code pgTable}/{@code mysqlTable}/{@code sqliteTable} (or {@code
 * pgSchema('s').table}): its name, and each property's column ({@code firstName:
 * text('first_name')}; a column without a name is named by its property).
 *
 * @param columns property → column name, in declaration order
 * @param insertDefaults properties the client fills in on insert ({@code $defaultFn})
 * @param updateDefaults properties the client fills in on update ({@code $onUpdate})
 */
public record DrizzleTable(
    String name,
    String schema,
    Map<String, String> columns,
    Set<String> insertDefaults,
    Set<String> updateDefaults) {

  /** The functions that declare tables. */
  static final Set<String> DECLARERS =
      Set.of("pgTable", "mysqlTable", "sqliteTable", "singlestoreTable");

  private static final Set<String> INSERT_DEFAULTS = Set.of("$defaultFn", "$default");
  private static final Set<String> UPDATE_DEFAULTS = Set.of("$onUpdate", "$onUpdateFn");

  /** The column a property names, or empty when the table has no such property. */
  public Optional<String> column(String property) {
    return Optional.ofNullable(columns.get(property));
  }

  /**
   * Reads a declaration's arguments: the table name and the columns object (or a callback returning
   * it).
   */
  static Optional<DrizzleTable> read(List<JsValue> args, String schema) {
    if (args.size() < 2) {
      return Optional.empty();
    }
    Optional<String> name = args.get(0).string();
    JsValue columns = args.get(1);
    if (columns instanceof JsValue.Fn fn && fn.body() != null) {
      columns = fn.body();
    }
    if (name.isEmpty() || !(columns instanceof JsValue.Obj object)) {
      return Optional.empty();
    }
    Map<String, String> mapped = new LinkedHashMap<>();
    List<String> inserts = new ArrayList<>();
    List<String> updates = new ArrayList<>();
    for (JsValue.Entry entry : object.entries()) {
      if (entry.key() == null) {
        continue;
      }
      List<String> modifiers = new ArrayList<>();
      JsValue value = entry.value();
      while (value instanceof JsValue.Call call && call.callee() instanceof JsValue.Member member) {
        if (!(member.object() instanceof JsValue.Call)) {
          break; // t.text('x'): the column builder itself
        }
        modifiers.add(member.property());
        value = member.object();
      }
      if (!(value instanceof JsValue.Call builder)) {
        continue;
      }
      String column =
          builder.args().isEmpty()
              ? entry.key()
              : builder.args().get(0).string().orElse(entry.key());
      mapped.put(entry.key(), column);
      if (modifiers.stream().anyMatch(INSERT_DEFAULTS::contains)) {
        inserts.add(entry.key());
      }
      if (modifiers.stream().anyMatch(UPDATE_DEFAULTS::contains)) {
        updates.add(entry.key());
      }
    }
    return Optional.of(
        new DrizzleTable(name.get(), schema, mapped, Set.copyOf(inserts), Set.copyOf(updates)));
  }
}
