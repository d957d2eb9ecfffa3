package dev.blastradius.lang.ts.typeorm;

import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.lang.ts.JsValue;
import dev.blastradius.lang.ts.TsProject;
import dev.blastradius.schema.ColumnRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The columns a TypeORM repository or manager call reads and writes: {@code select}, {@code where},
 * {@code order} and {@code relations} of the find options (no {@code select}: every column, an
 * implicit read); keys of saved, inserted, updated and upserted objects are writes ({@code insert}
 * creates rows); {@code delete}/{@code remove} write the whole row ({@code t.*}), {@code
 * softDelete} the {@code @DeleteDateColumn}; {@code increment} reads and writes its column.
 */
final class TypeOrmUses {

  /** One column use, merged per column and kind. */
  record Use(
      ColumnRef column,
      AccessKind kind,
      Confidence confidence,
      boolean implicit,
      boolean inserts) {}

  private static final int MAX_DEPTH = 6;

  private static final Set<String> OPTIONS =
      Set.of("find", "findOne", "findOneOrFail", "findAndCount", "count", "exist", "exists");
  private static final Set<String> WHERE =
      Set.of("findBy", "findOneBy", "findOneByOrFail", "findAndCountBy", "countBy", "existsBy");
  private static final Set<String> COUNTS =
      Set.of("count", "exist", "exists", "countBy", "existsBy");

  private final TsProject project;
  private final String path;
  private final Map<String, Use> uses = new LinkedHashMap<>();

  TypeOrmUses(TsProject project, String path) {
    this.project = project;
    this.path = path;
  }

  List<Use> uses() {
    return List.copyOf(uses.values());
  }

  /** The entity a name used in this file refers to. */
  Optional<TypeOrmModel> model(String local) {
    return project.typeormEntity(path, local).flatMap(e -> TypeOrmModel.of(project, e));
  }

  /** The model of a relation's target. */
  Optional<TypeOrmModel> target(TypeOrmModel.Relation relation) {
    return TypeOrmModel.of(project, relation.target());
  }

  /** A repository method on {@code model} with its arguments (the entity argument removed). */
  void method(TypeOrmModel model, String method, List<JsValue> args, TypeOrmCall.Saved saved) {
    JsValue first = args.isEmpty() ? null : args.get(0);
    if (OPTIONS.contains(method)) {
      JsValue.Obj options = first instanceof JsValue.Obj o ? o : null;
      if (options == null && first != null && !method.startsWith("count")) {
        model.primary().forEach(c -> use(c, AccessKind.READ, false, false));
      }
      boolean selected = options != null && options.get("select").isPresent();
      if (COUNTS.contains(method)) {
        tableLevel(model, AccessKind.READ);
      } else if (!selected) {
        every(model, AccessKind.READ);
      }
      if (options != null) {
        options.get("select").ifPresent(s -> select(model, s, 0));
        options.get("where").ifPresent(w -> where(model, w, 0));
        options.get("order").ifPresent(o -> where(model, o, 0));
        options.get("relations").ifPresent(r -> relations(model, r, 0));
      }
      return;
    }
    if (WHERE.contains(method)) {
      if (COUNTS.contains(method)) {
        tableLevel(model, AccessKind.READ);
      } else {
        every(model, AccessKind.READ);
      }
      where(model, first, 0);
      return;
    }
    switch (method) {
      case "findByIds" -> {
        every(model, AccessKind.READ);
        model.primary().forEach(c -> use(c, AccessKind.READ, false, false));
      }
      case "sum", "average", "minimum", "maximum" -> {
        if (first != null) {
          first
              .string()
              .flatMap(model::column)
              .ifPresent(c -> use(c, AccessKind.READ, false, false));
        }
        if (args.size() > 1) {
          where(model, args.get(1), 0);
        }
      }
      case "save", "insert", "upsert" -> {
        saved(model, first, saved, !method.equals("save") || saved == null || saved.isNew());
        if (method.equals("upsert") && args.size() > 1) {
          select(model, args.get(1), 0);
        }
      }
      case "update" -> {
        criteria(model, first);
        keys(model, args.size() > 1 ? args.get(1) : null, false);
        autoUpdated(model);
      }
      case "delete", "remove", "clear" -> {
        tableLevel(model, AccessKind.WRITE);
        if (method.equals("delete")) {
          criteria(model, first);
        }
      }
      case "softDelete", "softRemove", "restore", "recover" -> {
        Optional<ColumnRef> deleted = model.special(TypeOrmEntity.Kind.DELETE_DATE);
        if (deleted.isPresent()) {
          use(deleted.get(), AccessKind.WRITE, false, false);
        } else {
          tableLevel(model, AccessKind.WRITE);
        }
        autoUpdated(model);
        if (method.equals("softDelete") || method.equals("restore")) {
          criteria(model, first);
        }
      }
      case "increment", "decrement" -> {
        criteria(model, first);
        if (args.size() > 1) {
          args.get(1)
              .string()
              .flatMap(model::column)
              .ifPresent(
                  c -> {
                    use(c, AccessKind.READ, false, false);
                    use(c, AccessKind.WRITE, false, false);
                  });
        }
      }
      default -> {}
    }
  }

  /** {@code save(x)}: an object's keys, or what the calling function assigned to a variable. */
  private void saved(TypeOrmModel model, JsValue value, TypeOrmCall.Saved saved, boolean inserts) {
    if (value instanceof JsValue.Obj || value instanceof JsValue.Arr) {
      keys(model, value, inserts);
      return;
    }
    if (saved == null) {
      tableLevel(model, AccessKind.WRITE);
      return;
    }
    boolean known = false;
    if (saved.created() instanceof JsValue.Obj created) {
      keys(model, created, true);
      known = true;
    }
    for (String property : saved.assigned()) {
      Optional<ColumnRef> column = model.column(property);
      if (column.isPresent()) {
        use(column.get(), AccessKind.WRITE, false, saved.isNew());
        known = true;
      }
    }
    if (!known) {
      // A loaded entity saved as it is: TypeORM writes the columns that changed, any of them.
      for (ColumnRef column : model.columns()) {
        use(column, AccessKind.WRITE, true, saved.isNew());
      }
    } else if (!saved.isNew()) {
      autoUpdated(model);
    }
  }

  /** The keys of an object (or array of objects) are written. */
  private void keys(TypeOrmModel model, JsValue value, boolean inserts) {
    List<JsValue> rows =
        value instanceof JsValue.Arr array ? array.items() : java.util.Arrays.asList(value);
    boolean known = false;
    for (JsValue row : rows) {
      if (row instanceof JsValue.Obj object) {
        for (JsValue.Entry entry : object.entries()) {
          if (entry.key() == null) {
            continue;
          }
          Optional<ColumnRef> column = model.column(entry.key());
          if (column.isPresent()) {
            use(column.get(), AccessKind.WRITE, false, inserts);
            known = true;
          }
          for (String embedded : model.embedded(entry.key())) {
            model.column(embedded).ifPresent(c -> use(c, AccessKind.WRITE, false, inserts));
            known = true;
          }
        }
        known &= !object.hasSpread();
      }
    }
    if (!known) {
      tableLevel(model, AccessKind.WRITE);
    }
  }

  /** An {@code update}/{@code delete} criteria: an object of conditions, else primary keys. */
  private void criteria(TypeOrmModel model, JsValue value) {
    if (value instanceof JsValue.Obj || value instanceof JsValue.Arr) {
      where(model, value, 0);
    } else if (value != null) {
      model.primary().forEach(c -> use(c, AccessKind.READ, false, false));
    }
  }

  /** {@code @UpdateDateColumn} and {@code @VersionColumn} are written by TypeORM on update. */
  private void autoUpdated(TypeOrmModel model) {
    model
        .special(TypeOrmEntity.Kind.UPDATE_DATE)
        .ifPresent(c -> use(c, AccessKind.WRITE, true, false));
    model.special(TypeOrmEntity.Kind.VERSION).ifPresent(c -> use(c, AccessKind.WRITE, true, false));
  }

  /**
   * A {@code where} (or {@code order}) object: its keys are read; a relation key's object names the
   * related entity's columns; an array is alternatives.
   */
  void where(TypeOrmModel model, JsValue value, int depth) {
    if (value == null || depth > MAX_DEPTH) {
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
      if (entry.key() == null) {
        continue;
      }
      Optional<TypeOrmModel.Relation> relation = model.relation(entry.key());
      if (relation.isPresent()) {
        model.column(entry.key()).ifPresent(c -> use(c, AccessKind.READ, false, false));
        if (entry.value() instanceof JsValue.Obj) {
          target(relation.get()).ifPresent(t -> where(t, entry.value(), depth + 1));
        }
        continue;
      }
      model.column(entry.key()).ifPresent(c -> use(c, AccessKind.READ, false, false));
      for (String embedded : model.embedded(entry.key())) {
        if (entry.value() instanceof JsValue.Obj inner) {
          String property = embedded.substring(entry.key().length() + 1);
          if (inner.get(property).isPresent()) {
            model.column(embedded).ifPresent(c -> use(c, AccessKind.READ, false, false));
          }
        }
      }
    }
  }

  /** {@code select}: an array of property names, or an object of {@code true}s and relations. */
  private void select(TypeOrmModel model, JsValue value, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    model.primary().forEach(c -> use(c, AccessKind.READ, true, false));
    if (value instanceof JsValue.Arr array) {
      for (JsValue item : array.items()) {
        item.string().ifPresent(p -> property(model, p));
      }
    } else if (value instanceof JsValue.Obj object) {
      for (JsValue.Entry entry : object.entries()) {
        if (entry.key() == null) {
          continue;
        }
        Optional<TypeOrmModel.Relation> relation = model.relation(entry.key());
        if (relation.isPresent() && entry.value() instanceof JsValue.Obj) {
          model.column(entry.key()).ifPresent(c -> use(c, AccessKind.READ, false, false));
          target(relation.get()).ifPresent(t -> select(t, entry.value(), depth + 1));
        } else if (entry.value().isTrue() || entry.value() instanceof JsValue.Obj) {
          property(model, entry.key());
        }
      }
    }
  }

  /** A property (or embedded class) named in a selection is read. */
  private void property(TypeOrmModel model, String property) {
    model.column(property).ifPresent(c -> use(c, AccessKind.READ, false, false));
    model
        .embedded(property)
        .forEach(p -> model.column(p).ifPresent(c -> use(c, AccessKind.READ, false, false)));
  }

  /** {@code relations}: each loaded relation reads its join column and its target's columns. */
  private void relations(TypeOrmModel model, JsValue value, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (value instanceof JsValue.Arr array) {
      for (JsValue item : array.items()) {
        item.string().ifPresent(p -> relationPath(model, List.of(p.split("\\.")), 0));
      }
    } else if (value instanceof JsValue.Obj object) {
      for (JsValue.Entry entry : object.entries()) {
        if (entry.key() == null || entry.value() instanceof JsValue.Bool b && !b.value()) {
          continue;
        }
        Optional<TypeOrmModel.Relation> relation = model.relation(entry.key());
        if (relation.isPresent()) {
          relationPath(model, List.of(entry.key()), 0);
          target(relation.get()).ifPresent(t -> relations(t, entry.value(), depth + 1));
        }
      }
    }
  }

  private void relationPath(TypeOrmModel model, List<String> path, int index) {
    if (index >= path.size() || index > MAX_DEPTH) {
      return;
    }
    Optional<TypeOrmModel.Relation> relation = model.relation(path.get(index));
    if (relation.isEmpty()) {
      return;
    }
    model.column(path.get(index)).ifPresent(c -> use(c, AccessKind.READ, true, false));
    Optional<TypeOrmModel> target = target(relation.get());
    target.ifPresent(
        t -> {
          every(t, AccessKind.READ);
          relationPath(t, path, index + 1);
        });
  }

  /** Every column of the entity, implicitly (a whole entity loaded or saved). */
  void every(TypeOrmModel model, AccessKind kind) {
    model.columns().forEach(c -> use(c, kind, true, false));
  }

  void tableLevel(TypeOrmModel model, AccessKind kind) {
    use(model.table.column(ColumnRef.TABLE_LEVEL), kind, false, false);
  }

  void use(ColumnRef column, AccessKind kind, boolean implicit, boolean inserts) {
    use(column, kind, implicit ? Confidence.LIKELY : Confidence.CERTAIN, implicit, inserts);
  }

  void use(
      ColumnRef column, AccessKind kind, Confidence confidence, boolean implicit, boolean inserts) {
    boolean creates = inserts && kind == AccessKind.WRITE && !column.isTableLevel();
    uses.merge(
        column + "\n" + kind,
        new Use(column, kind, confidence, implicit, creates),
        (a, b) ->
            new Use(
                a.column(),
                a.kind(),
                a.confidence().strongest(b.confidence()),
                a.implicit() && b.implicit(),
                a.inserts() || b.inserts()));
  }
}
