package dev.blastradius.lang.ts.drizzle;

import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.ts.DbNames;
import dev.blastradius.lang.ts.JsValue;
import dev.blastradius.lang.ts.TsProject;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns a Drizzle query reads and writes: column references ({@code users.email}) anywhere in
 * its selection, conditions, orderings and {@code sql} fragments are reads; keys of {@code
 * values}/{@code set} are writes; a selection without fields (and {@code returning()}) reads every
 * column of the tables involved; the relational API reads {@code columns} (or all) and the tables
 * {@code with} names.
 */
final class DrizzleUses {

  record Use(ColumnRef column, AccessKind kind, Confidence confidence, boolean implicit) {}

  /** SQL of a {@code db.execute(sql`…`)}, column references spelled out. */
  record RawSql(String text, boolean complete) {}

  private static final int MAX_DEPTH = 10;

  private final TsProject project;
  private final String path;
  private final DbNames names;
  private final Map<String, Use> uses = new LinkedHashMap<>();
  private final List<RawSql> rawSql = new ArrayList<>();

  DrizzleUses(TsProject project, String path) {
    this.project = project;
    this.path = path;
    this.names = project.names();
  }

  List<Use> uses() {
    return List.copyOf(uses.values());
  }

  List<RawSql> rawSql() {
    return rawSql;
  }

  void query(List<DrizzleQuery.Step> steps) {
    List<TsProject.DeclaredTable> tables = new ArrayList<>();
    JsValue fields = null;
    boolean selecting = false;
    TsProject.DeclaredTable written = null;
    for (int i = 0; i < steps.size(); i++) {
      DrizzleQuery.Step step = steps.get(i);
      switch (step.name()) {
        case "select", "selectDistinct", "selectDistinctOn" -> {
          selecting = true;
          fields = step.args().isEmpty() ? null : step.args().get(step.args().size() - 1);
          if (step.name().equals("selectDistinctOn") && !step.args().isEmpty()) {
            reads(step.first(), null, 0);
          }
        }
        case "from", "innerJoin", "leftJoin", "rightJoin", "fullJoin", "crossJoin" -> {
          table(step.first()).ifPresent(tables::add);
          step.args().stream().skip(1).forEach(a -> reads(a, null, 0));
        }
        case "insert" -> written = table(step.first()).orElse(null);
        case "update", "delete" -> {
          written = table(step.first()).orElse(null);
          if (written != null && step.name().equals("delete")) {
            use(tableRef(written).column(ColumnRef.TABLE_LEVEL), AccessKind.WRITE, false);
          }
        }
        case "values" -> {
          TsProject.DeclaredTable target = written;
          if (target != null) {
            keys(target, step.first(), AccessKind.WRITE);
            target.table().insertDefaults().forEach(p -> column(target, p, AccessKind.WRITE, true));
          } else {
            raw(step.first());
          }
        }
        case "set" -> {
          TsProject.DeclaredTable target = written;
          if (target != null) {
            keys(target, step.first(), AccessKind.WRITE);
            target.table().updateDefaults().forEach(p -> column(target, p, AccessKind.WRITE, true));
          }
        }
        case "onConflictDoUpdate", "onConflictDoNothing", "onDuplicateKeyUpdate" ->
            conflict(written, step.first());
        case "returning" -> {
          if (written != null) {
            if (step.args().isEmpty()) {
              everyColumn(written);
            } else {
              reads(step.first(), null, 0);
            }
          }
        }
        case "$count" -> {
          Optional<TsProject.DeclaredTable> counted = table(step.first());
          counted.ifPresent(
              t -> use(tableRef(t).column(ColumnRef.TABLE_LEVEL), AccessKind.READ, false));
          step.args().stream().skip(1).forEach(a -> reads(a, null, 0));
        }
        case "query" -> {
          if (i + 2 < steps.size()) {
            relational(steps.get(i + 1).name(), steps.get(i + 2));
            return;
          }
        }
        case "execute", "run", "all", "get" -> raw(step.first());
        default -> step.args().forEach(a -> reads(a, null, 0)); // where, orderBy, groupBy, having
      }
    }
    if (selecting) {
      if (fields == null) {
        tables.forEach(this::everyColumn);
      } else {
        reads(fields, null, 0);
      }
    }
  }

  /** {@code db.query.users.findMany({ columns, with, where, orderBy })}. */
  private void relational(String key, DrizzleQuery.Step method) {
    Optional<TsProject.DeclaredTable> table = project.drizzleTableNamed(key);
    if (table.isEmpty() || !method.call()) {
      return;
    }
    relationalArgs(table.get(), method.first(), 0);
  }

  private void relationalArgs(TsProject.DeclaredTable table, JsValue args, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    JsValue.Obj options = args instanceof JsValue.Obj o ? o : new JsValue.Obj(List.of());
    Optional<JsValue> columns = options.get("columns");
    if (columns.isPresent() && columns.get() instanceof JsValue.Obj selected) {
      boolean onlyExclusions =
          selected.entries().stream()
              .allMatch(e -> e.value() instanceof JsValue.Bool b && !b.value());
      if (onlyExclusions) {
        everyColumn(table);
      }
      for (JsValue.Entry entry : selected.entries()) {
        if (entry.key() != null && entry.value().isTrue()) {
          column(table, entry.key(), AccessKind.READ, false);
        }
      }
    } else {
      everyColumn(table);
    }
    options.get("where").ifPresent(w -> condition(table, w));
    options.get("orderBy").ifPresent(o -> condition(table, o));
    options
        .get("with")
        .ifPresent(
            with -> {
              if (with instanceof JsValue.Obj relations) {
                for (JsValue.Entry entry : relations.entries()) {
                  if (entry.key() == null
                      || entry.value() instanceof JsValue.Bool b && !b.value()) {
                    continue;
                  }
                  project
                      .drizzleRelation(table, entry.key())
                      .ifPresent(target -> relationalArgs(target, entry.value(), depth + 1));
                }
              }
            });
  }

  /** A relational {@code where}: a callback over the table, or an object of columns. */
  private void condition(TsProject.DeclaredTable table, JsValue value) {
    if (value instanceof JsValue.Fn fn && fn.body() != null) {
      String row = fn.params().isEmpty() ? null : fn.params().get(0);
      reads(fn.body(), row == null ? null : Map.entry(row, table), 0);
    } else if (value instanceof JsValue.Obj object) {
      for (JsValue.Entry entry : object.entries()) {
        if (entry.key() != null && table.table().column(entry.key()).isPresent()) {
          column(table, entry.key(), AccessKind.READ, false);
        } else if (entry.key() != null && (entry.key().equals("AND") || entry.key().equals("OR"))) {
          condition(table, entry.value());
        }
      }
    } else {
      reads(value, null, 0);
    }
  }

  /** Every column reference inside a value is read. */
  private void reads(JsValue value, Map.Entry<String, TsProject.DeclaredTable> row, int depth) {
    if (value == null || depth > MAX_DEPTH) {
      return;
    }
    if (value instanceof JsValue.Member member) {
      Optional<TsProject.DeclaredTable> owner =
          row != null
                  && member.object() instanceof JsValue.Ident ident
                  && ident.name().equals(row.getKey())
              ? Optional.of(row.getValue())
              : member.object().dotted().flatMap(d -> project.drizzleTable(path, d));
      if (owner.isPresent() && owner.get().table().column(member.property()).isPresent()) {
        column(owner.get(), member.property(), AccessKind.READ, false);
        return;
      }
      reads(member.object(), row, depth + 1);
    } else if (value instanceof JsValue.Call call) {
      reads(call.callee(), row, depth + 1);
      call.args().forEach(a -> reads(a, row, depth + 1));
    } else if (value instanceof JsValue.Obj object) {
      object.entries().forEach(e -> reads(e.value(), row, depth + 1));
    } else if (value instanceof JsValue.Arr array) {
      array.items().forEach(v -> reads(v, row, depth + 1));
    } else if (value instanceof JsValue.Template template) {
      template.substitutions().forEach(v -> reads(v, row, depth + 1));
    } else if (value instanceof JsValue.Fn fn && fn.body() != null) {
      reads(fn.body(), row, depth + 1);
    } else if (value instanceof JsValue.Ident ident) {
      // A whole table in a selection ({ user: users }) reads all its columns.
      project.drizzleTable(path, ident.name()).ifPresent(this::everyColumn);
    }
  }

  /** The keys of a {@code values}/{@code set} object (or array of them). */
  private void keys(TsProject.DeclaredTable table, JsValue value, AccessKind kind) {
    List<JsValue> rows =
        value instanceof JsValue.Arr array ? array.items() : java.util.Arrays.asList(value);
    boolean known = false;
    for (JsValue row : rows) {
      if (row instanceof JsValue.Obj object) {
        for (JsValue.Entry entry : object.entries()) {
          if (entry.key() != null) {
            column(table, entry.key(), kind, false);
            known = true;
          }
          reads(entry.value(), null, 0);
        }
        if (object.hasSpread()) {
          known = false;
        }
      }
    }
    if (!known) {
      use(tableRef(table).column(ColumnRef.TABLE_LEVEL), kind, false);
    }
  }

  private void conflict(TsProject.DeclaredTable table, JsValue options) {
    if (!(options instanceof JsValue.Obj object)) {
      return;
    }
    object.get("target").ifPresent(t -> reads(t, null, 0));
    if (table != null) {
      object.get("set").ifPresent(s -> keys(table, s, AccessKind.WRITE));
    }
  }

  /** {@code db.execute(sql`…`)}: the template as SQL, column references spelled out. */
  private void raw(JsValue value) {
    if (value instanceof JsValue.Template template) {
      StringBuilder text = new StringBuilder();
      boolean complete = sqlText(template, text, 0);
      rawSql.add(new RawSql(text.toString(), complete));
    }
  }

  private boolean sqlText(JsValue.Template template, StringBuilder text, int depth) {
    boolean complete = true;
    for (int i = 0; i < template.literals().size(); i++) {
      text.append(template.literals().get(i));
      if (i >= template.substitutions().size()) {
        continue;
      }
      JsValue value = template.substitutions().get(i);
      if (value instanceof JsValue.Template nested && depth < MAX_DEPTH) {
        complete &= sqlText(nested, text, depth + 1);
      } else if (value instanceof JsValue.Member member
          && member.object().dotted().flatMap(d -> project.drizzleTable(path, d)).isPresent()) {
        TsProject.DeclaredTable table =
            member.object().dotted().flatMap(d -> project.drizzleTable(path, d)).get();
        String column = table.table().column(member.property()).orElse(HostedSql.DYNAMIC_PART);
        text.append(quote(table.table().name())).append('.').append(quote(column));
      } else if (value instanceof JsValue.Ident ident
          && project.drizzleTable(path, ident.name()).isPresent()) {
        text.append(quote(project.drizzleTable(path, ident.name()).get().table().name()));
      } else if (value instanceof JsValue.Call call
          && call.callee()
              .dotted()
              .filter(c -> c.endsWith(".raw") || c.endsWith(".identifier"))
              .isPresent()) {
        text.append(HostedSql.DYNAMIC_PART);
        complete = false;
      } else {
        text.append('?');
      }
    }
    return complete;
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private Optional<TsProject.DeclaredTable> table(JsValue value) {
    return value == null
        ? Optional.empty()
        : value.dotted().flatMap(d -> project.drizzleTable(path, d));
  }

  private void everyColumn(TsProject.DeclaredTable table) {
    for (String property : table.table().columns().keySet()) {
      column(table, property, AccessKind.READ, true);
    }
  }

  private void column(
      TsProject.DeclaredTable table, String property, AccessKind kind, boolean implicit) {
    Optional<String> column = table.table().column(property);
    if (column.isEmpty()) {
      return;
    }
    TableRef ref = tableRef(table);
    String name = column.get();
    if (!names.columns(ref).isEmpty()
        && names.columns(ref).stream().noneMatch(c -> c.column().equalsIgnoreCase(name))) {
      // A column declared without a name under casing: 'snake_case'.
      String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
      if (names.columns(ref).stream().anyMatch(c -> c.column().equals(snake))) {
        use(names.column(ref, snake), kind, implicit);
        return;
      }
    }
    use(names.column(ref, name), kind, implicit);
  }

  private TableRef tableRef(TsProject.DeclaredTable table) {
    return names.table(table.table().schema(), table.table().name());
  }

  private void use(ColumnRef column, AccessKind kind, boolean implicit) {
    Confidence confidence = implicit ? Confidence.LIKELY : Confidence.CERTAIN;
    uses.merge(
        column + "\n" + kind,
        new Use(column, kind, confidence, implicit),
        (a, b) ->
            new Use(
                a.column(),
                a.kind(),
                a.confidence().strongest(b.confidence()),
                a.implicit() && b.implicit()));
  }
}
