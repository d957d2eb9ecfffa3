package dev.blastradius.lang.ts.prisma;

import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.lang.ts.DbNames;
import dev.blastradius.lang.ts.JsValue;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The columns a Prisma Client operation reads and writes. Reads: {@code select} names columns (and
 * relations), {@code include} adds relations to the whole record, no {@code select} reads every
 * scalar column; {@code where}, {@code orderBy}, {@code cursor}, {@code distinct}, {@code by} and
 * aggregates read what they name. Writes: the keys of {@code data} (nested writes write the related
 * model, connecting writes the foreign key), {@code @updatedAt} and client-side {@code @default}s
 * implicitly; {@code create}, {@code update}, {@code upsert} and {@code delete} return the record,
 * so they also read it.
 */
final class PrismaUses {

  /** One use. */
  record Use(ColumnRef column, AccessKind kind, Confidence confidence, boolean implicit) {}

  private static final Set<String> LOGICAL = Set.of("AND", "OR", "NOT");
  private static final Set<String> RELATION_FILTERS =
      Set.of("some", "every", "none", "is", "isNot");
  private static final Set<String> AGGREGATES = Set.of("_sum", "_avg", "_min", "_max", "_count");
  private static final int MAX_DEPTH = 8;

  private final PrismaSchema schema;
  private final DbNames names;
  private final Map<String, Use> uses = new LinkedHashMap<>();

  PrismaUses(PrismaSchema schema, DbNames names) {
    this.schema = schema;
    this.names = names;
  }

  List<Use> uses() {
    return List.copyOf(uses.values());
  }

  void operation(PrismaSchema.Model model, String operation, JsValue args, List<String> fluent) {
    JsValue.Obj a = args instanceof JsValue.Obj obj ? obj : new JsValue.Obj(List.of());
    a.get("where").ifPresent(w -> where(model, w, 0));
    a.get("orderBy").ifPresent(o -> orderBy(model, o, 0));
    a.get("cursor").ifPresent(c -> where(model, c, 0));
    a.get("distinct").ifPresent(d -> named(model, d));
    a.get("by").ifPresent(b -> named(model, b));
    a.get("having").ifPresent(h -> where(model, h, 0));
    switch (operation) {
      case "findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany" ->
          record(model, a, 0);
      case "count" -> {
        table(model, AccessKind.READ);
        a.get("select").ifPresent(s -> selected(model, s, 0));
      }
      case "aggregate", "groupBy" -> {
        for (String aggregate : AGGREGATES) {
          a.get(aggregate).ifPresent(s -> selected(model, s, 0));
        }
      }
      case "create", "createManyAndReturn" -> {
        a.get("data")
            .ifPresentOrElse(d -> data(model, d, true, 0), () -> table(model, AccessKind.WRITE));
        record(model, a, 0);
      }
      case "createMany" ->
          a.get("data")
              .ifPresentOrElse(d -> data(model, d, true, 0), () -> table(model, AccessKind.WRITE));
      case "update", "updateManyAndReturn" -> {
        a.get("data")
            .ifPresentOrElse(d -> data(model, d, false, 0), () -> table(model, AccessKind.WRITE));
        record(model, a, 0);
      }
      case "updateMany" ->
          a.get("data")
              .ifPresentOrElse(d -> data(model, d, false, 0), () -> table(model, AccessKind.WRITE));
      case "upsert" -> {
        a.get("create").ifPresent(d -> data(model, d, true, 0));
        a.get("update").ifPresent(d -> data(model, d, false, 0));
        record(model, a, 0);
      }
      case "delete" -> {
        table(model, AccessKind.WRITE);
        record(model, a, 0);
      }
      case "deleteMany" -> table(model, AccessKind.WRITE);
      default -> {}
    }
    PrismaSchema.Model current = model;
    for (String relation : fluent) {
      Optional<PrismaSchema.Field> field = current.field(relation);
      Optional<PrismaSchema.Model> related = field.flatMap(f -> schema.model(f.type()));
      if (related.isEmpty()) {
        break;
      }
      join(current, field.get());
      allScalars(related.get());
      current = related.get();
    }
  }

  /** The record an operation returns: {@code select}, {@code include}, or every scalar. */
  private void record(PrismaSchema.Model model, JsValue.Obj args, int depth) {
    Optional<JsValue> select = args.get("select");
    if (select.isPresent()) {
      selected(model, select.get(), depth);
      return;
    }
    allScalars(model);
    args.get("include").ifPresent(i -> included(model, i, depth));
  }

  private void selected(PrismaSchema.Model model, JsValue select, int depth) {
    if (!(select instanceof JsValue.Obj object) || depth > MAX_DEPTH) {
      return;
    }
    for (JsValue.Entry entry : object.entries()) {
      if (entry.key() == null || entry.value() instanceof JsValue.Bool b && !b.value()) {
        continue;
      }
      Optional<PrismaSchema.Field> field = model.field(entry.key());
      if (field.isEmpty()) {
        continue;
      }
      if (schema.isColumn(field.get())) {
        use(column(model, field.get()), AccessKind.READ, false);
      } else {
        relation(model, field.get(), entry.value(), depth);
      }
    }
  }

  private void included(PrismaSchema.Model model, JsValue include, int depth) {
    if (!(include instanceof JsValue.Obj object) || depth > MAX_DEPTH) {
      return;
    }
    for (JsValue.Entry entry : object.entries()) {
      if (entry.key() == null || entry.value() instanceof JsValue.Bool b && !b.value()) {
        continue;
      }
      model
          .field(entry.key())
          .filter(schema::isRelation)
          .ifPresent(f -> relation(model, f, entry.value(), depth));
    }
  }

  /** A relation in {@code select} or {@code include}: {@code true} or its own query arguments. */
  private void relation(
      PrismaSchema.Model model, PrismaSchema.Field field, JsValue value, int depth) {
    Optional<PrismaSchema.Model> related = schema.model(field.type());
    if (related.isEmpty()) {
      return;
    }
    join(model, field);
    if (value instanceof JsValue.Obj nested) {
      nested.get("where").ifPresent(w -> where(related.get(), w, depth + 1));
      nested.get("orderBy").ifPresent(o -> orderBy(related.get(), o, depth + 1));
      record(related.get(), nested, depth + 1);
    } else {
      allScalars(related.get());
    }
  }

  /** The foreign-key columns a join along a relation reads. */
  private void join(PrismaSchema.Model model, PrismaSchema.Field field) {
    if (!field.relationFields().isEmpty()) {
      for (String name : field.relationFields()) {
        model.field(name).ifPresent(f -> use(column(model, f), AccessKind.READ, true));
      }
      return;
    }
    schema
        .model(field.type())
        .ifPresent(
            related -> {
              for (PrismaSchema.Field back : related.fields()) {
                if (back.type().equals(model.name()) && !back.relationFields().isEmpty()) {
                  for (String name : back.relationFields()) {
                    related
                        .field(name)
                        .ifPresent(f -> use(column(related, f), AccessKind.READ, true));
                  }
                }
              }
            });
  }

  private void where(PrismaSchema.Model model, JsValue value, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (value instanceof JsValue.Arr array) {
      array.items().forEach(v -> where(model, v, depth + 1));
      return;
    }
    if (!(value instanceof JsValue.Obj object)) {
      return;
    }
    for (JsValue.Entry entry : object.entries()) {
      String key = entry.key();
      if (key == null) {
        continue;
      }
      if (LOGICAL.contains(key)) {
        where(model, entry.value(), depth + 1);
        continue;
      }
      Optional<PrismaSchema.Field> field = model.field(key);
      if (field.isEmpty()) {
        compoundKey(model, key, entry.value());
      } else if (schema.isColumn(field.get())) {
        use(column(model, field.get()), AccessKind.READ, false);
      } else {
        Optional<PrismaSchema.Model> related = schema.model(field.get().type());
        if (related.isPresent()) {
          join(model, field.get());
          JsValue filter = entry.value();
          if (filter instanceof JsValue.Obj inner
              && inner.entries().stream()
                  .anyMatch(e -> e.key() != null && RELATION_FILTERS.contains(e.key()))) {
            inner.entries().forEach(e -> where(related.get(), e.value(), depth + 1));
          } else {
            where(related.get(), filter, depth + 1);
          }
        }
      }
    }
  }

  /** {@code email_tenantId: { email, tenantId }}: a compound unique key's fields. */
  private void compoundKey(PrismaSchema.Model model, String key, JsValue value) {
    if (value instanceof JsValue.Obj object) {
      for (JsValue.Entry entry : object.entries()) {
        if (entry.key() != null && key.contains(entry.key())) {
          model
              .field(entry.key())
              .filter(schema::isColumn)
              .ifPresent(f -> use(column(model, f), AccessKind.READ, false));
        }
      }
    }
  }

  private void orderBy(PrismaSchema.Model model, JsValue value, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (value instanceof JsValue.Arr array) {
      array.items().forEach(v -> orderBy(model, v, depth + 1));
      return;
    }
    if (!(value instanceof JsValue.Obj object)) {
      return;
    }
    for (JsValue.Entry entry : object.entries()) {
      if (entry.key() == null) {
        continue;
      }
      model
          .field(entry.key())
          .ifPresent(
              field -> {
                if (schema.isColumn(field)) {
                  use(column(model, field), AccessKind.READ, false);
                } else {
                  schema.model(field.type()).ifPresent(r -> orderBy(r, entry.value(), depth + 1));
                }
              });
    }
  }

  /** A list of field names ({@code distinct: ['email']}, {@code by: ['role']}) or one name. */
  private void named(PrismaSchema.Model model, JsValue value) {
    List<JsValue> items = value instanceof JsValue.Arr array ? array.items() : List.of(value);
    for (JsValue item : items) {
      item.string()
          .flatMap(model::field)
          .filter(schema::isColumn)
          .ifPresent(f -> use(column(model, f), AccessKind.READ, false));
    }
  }

  /** The columns {@code data} writes, nested writes of related models included. */
  private void data(PrismaSchema.Model model, JsValue value, boolean creating, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (value instanceof JsValue.Arr array) {
      array.items().forEach(v -> data(model, v, creating, depth + 1));
      return;
    }
    Set<String> written = new HashSet<>();
    if (!(value instanceof JsValue.Obj object) || object.hasSpread()) {
      // Unknown keys (`data: input`, `data: { ...input }` with `input` a parameter): any scalar
      // column may be written, as by a whole-record save (DESIGN §3: LIKELY, implicit through the
      // whole model). Not a table-level `*` write: that is how a delete reads, and column rules
      // (a dropped or renamed column still written) need the columns. Named keys stay CERTAIN.
      for (PrismaSchema.Field field : model.fields()) {
        if (schema.isColumn(field)) {
          use(column(model, field), AccessKind.WRITE, true);
        }
      }
    }
    if (value instanceof JsValue.Obj object) {
      for (JsValue.Entry entry : object.entries()) {
        Optional<PrismaSchema.Field> field =
            entry.key() == null ? Optional.empty() : model.field(entry.key());
        if (field.isEmpty()) {
          continue;
        }
        written.add(field.get().name());
        if (schema.isColumn(field.get())) {
          use(column(model, field.get()), AccessKind.WRITE, false);
        } else {
          nestedWrite(model, field.get(), entry.value(), depth);
        }
      }
    }
    for (PrismaSchema.Field field : model.fields()) {
      boolean implicit = field.updatedAt() || (creating && field.clientDefault());
      if (implicit && !written.contains(field.name()) && schema.isColumn(field)) {
        use(column(model, field), AccessKind.WRITE, true);
      }
    }
  }

  /** {@code author: { connect: { id } }}, {@code posts: { create: [...] }} and friends. */
  private void nestedWrite(
      PrismaSchema.Model model, PrismaSchema.Field field, JsValue value, int depth) {
    Optional<PrismaSchema.Model> related = schema.model(field.type());
    if (related.isEmpty() || !(value instanceof JsValue.Obj operations)) {
      return;
    }
    for (JsValue.Entry operation : operations.entries()) {
      String op = operation.key() == null ? "" : operation.key();
      JsValue argument = operation.value();
      // Linking rows writes the foreign key, on whichever side holds it.
      if (!op.startsWith("delete")) {
        foreignKey(model, field, related.get());
      }
      switch (op) {
        case "create", "createMany" -> {
          JsValue rows =
              argument instanceof JsValue.Obj o && o.get("data").isPresent()
                  ? o.get("data").get()
                  : argument;
          data(related.get(), rows, true, depth + 1);
        }
        case "connectOrCreate" -> {
          if (argument instanceof JsValue.Obj o) {
            o.get("where").ifPresent(w -> where(related.get(), w, depth + 1));
            o.get("create").ifPresent(c -> data(related.get(), c, true, depth + 1));
          }
        }
        case "connect", "disconnect", "set" -> where(related.get(), argument, depth + 1);
        case "update", "updateMany" -> {
          JsValue rows =
              argument instanceof JsValue.Obj o && o.get("data").isPresent()
                  ? o.get("data").get()
                  : argument;
          if (argument instanceof JsValue.Obj o) {
            o.get("where").ifPresent(w -> where(related.get(), w, depth + 1));
          }
          data(related.get(), rows, false, depth + 1);
        }
        case "upsert" -> {
          if (argument instanceof JsValue.Obj o) {
            o.get("create").ifPresent(c -> data(related.get(), c, true, depth + 1));
            o.get("update").ifPresent(u -> data(related.get(), u, false, depth + 1));
          }
        }
        case "delete", "deleteMany" -> {
          table(related.get(), AccessKind.WRITE);
          where(related.get(), argument, depth + 1);
        }
        default -> {}
      }
    }
  }

  private void foreignKey(
      PrismaSchema.Model model, PrismaSchema.Field field, PrismaSchema.Model related) {
    if (!field.relationFields().isEmpty()) {
      for (String name : field.relationFields()) {
        model.field(name).ifPresent(f -> use(column(model, f), AccessKind.WRITE, true));
      }
      return;
    }
    for (PrismaSchema.Field back : related.fields()) {
      if (back.type().equals(model.name())) {
        for (String name : back.relationFields()) {
          related.field(name).ifPresent(f -> use(column(related, f), AccessKind.WRITE, true));
        }
      }
    }
  }

  private void allScalars(PrismaSchema.Model model) {
    for (PrismaSchema.Field field : model.fields()) {
      if (schema.isColumn(field)) {
        use(column(model, field), AccessKind.READ, true);
      }
    }
  }

  private void table(PrismaSchema.Model model, AccessKind kind) {
    use(tableRef(model).column(ColumnRef.TABLE_LEVEL), kind, false);
  }

  private TableRef tableRef(PrismaSchema.Model model) {
    return names.table(model.schema(), model.table());
  }

  private ColumnRef column(PrismaSchema.Model model, PrismaSchema.Field field) {
    return names.column(tableRef(model), field.column());
  }

  /** Merges uses of a column and kind: named beats implicit. */
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
