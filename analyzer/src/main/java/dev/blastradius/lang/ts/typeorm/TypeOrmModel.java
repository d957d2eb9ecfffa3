package dev.blastradius.lang.ts.typeorm;

import dev.blastradius.lang.ts.DbNames;
import dev.blastradius.lang.ts.TsProject;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A TypeORM entity mapped to its table: each property path ({@code email}, {@code address.city} for
 * an embedded class) to its column, and each relation to its target and join column. Names follow
 * TypeORM's {@code DefaultNamingStrategy} — the table is the class name in snake case, a column is
 * the property name as written, an embedded column is the prefix in camel case followed by the
 * title-cased name, a join column is {@code <relation>Id} — or {@code SnakeNamingStrategy} of
 * typeorm-naming-strategies when the data source is configured with it (every column in snake
 * case). Base classes contribute their columns.
 */
final class TypeOrmModel {

  private static final int MAX_DEPTH = 8;

  /** A relation: its target entity, and its join column when this side owns one. */
  record Relation(TsProject.DeclaredEntity target, String joinColumn) {}

  final TableRef table;
  final String className;
  private final Map<String, String> columns = new LinkedHashMap<>();
  private final Map<String, Relation> relations = new LinkedHashMap<>();
  private final Map<TypeOrmEntity.Kind, String> special = new LinkedHashMap<>();
  private final DbNames names;

  private TypeOrmModel(TableRef table, String className, DbNames names) {
    this.table = table;
    this.className = className;
    this.names = names;
  }

  /** The model of an entity class; empty for a base class that is no entity. */
  static Optional<TypeOrmModel> of(TsProject project, TsProject.DeclaredEntity declared) {
    TypeOrmEntity entity = declared.entity();
    if (!entity.entity()) {
      return Optional.empty();
    }
    boolean snake = project.typeormSnakeNaming();
    String tableName = entity.tableName() != null ? entity.tableName() : snake(entity.className());
    DbNames names = project.names();
    TypeOrmModel model =
        new TypeOrmModel(names.table(entity.schema(), tableName), entity.className(), names);
    model.read(project, declared, List.of(), "", snake, new HashSet<>(), 0);
    return Optional.of(model);
  }

  private void read(
      TsProject project,
      TsProject.DeclaredEntity declared,
      List<String> prefixes,
      String pathPrefix,
      boolean snake,
      Set<String> seen,
      int depth) {
    TypeOrmEntity entity = declared.entity();
    if (depth > MAX_DEPTH || !seen.add(declared.path() + "#" + entity.className())) {
      return;
    }
    if (entity.base() != null) {
      project
          .typeormEntity(declared.path(), entity.base())
          .ifPresent(b -> read(project, b, prefixes, pathPrefix, snake, seen, depth + 1));
    }
    for (TypeOrmEntity.Field field : entity.fields()) {
      String path = pathPrefix + field.property();
      switch (field.kind()) {
        case EMBEDDED -> {
          String prefix = field.prefix() == null ? field.property() : field.prefix();
          List<String> inner = new ArrayList<>(prefixes);
          if (!prefix.isEmpty()) {
            inner.add(prefix);
          }
          project
              .typeormEntity(declared.path(), field.target())
              .ifPresent(e -> read(project, e, inner, path + ".", snake, seen, depth + 1));
        }
        case INVERSE_RELATION ->
            target(project, declared, field)
                .ifPresent(t -> relations.put(path, new Relation(t, null)));
        case OWNING_RELATION -> {
          Optional<TsProject.DeclaredEntity> target = target(project, declared, field);
          String referenced = target.map(t -> primaryColumn(project, t, snake)).orElse("id");
          String join =
              field.columnName() != null
                  ? (snake ? snake(field.columnName()) : field.columnName())
                  : snake
                      ? snake(field.property() + "_" + referenced)
                      : camel(field.property() + "_" + referenced);
          columns.put(path, join);
          target.ifPresent(t -> relations.put(path, new Relation(t, join)));
        }
        default -> {
          String column = columnName(field, prefixes, snake);
          columns.put(path, column);
          if (field.kind() != TypeOrmEntity.Kind.COLUMN) {
            special.putIfAbsent(field.kind(), path);
          }
        }
      }
    }
    seen.remove(declared.path() + "#" + entity.className());
  }

  private static Optional<TsProject.DeclaredEntity> target(
      TsProject project, TsProject.DeclaredEntity declared, TypeOrmEntity.Field field) {
    return field.target() == null
        ? Optional.empty()
        : project.typeormEntity(declared.path(), field.target());
  }

  /** The database name of a related entity's primary column ({@code id} when unknown). */
  private static String primaryColumn(
      TsProject project, TsProject.DeclaredEntity declared, boolean snake) {
    TsProject.DeclaredEntity current = declared;
    for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
      for (TypeOrmEntity.Field field : current.entity().fields()) {
        if (field.kind() == TypeOrmEntity.Kind.PRIMARY) {
          return columnName(field, List.of(), snake);
        }
      }
      String base = current.entity().base();
      current = base == null ? null : project.typeormEntity(current.path(), base).orElse(null);
    }
    return "id";
  }

  private static String columnName(
      TypeOrmEntity.Field field, List<String> prefixes, boolean snake) {
    String name = field.columnName() != null ? field.columnName() : field.property();
    if (snake) {
      List<String> parts = new ArrayList<>(prefixes);
      parts.add(name);
      return snake(String.join("_", parts));
    }
    return prefixes.isEmpty() ? name : camel(String.join("_", prefixes)) + title(name);
  }

  /** The column a property path maps to. */
  Optional<ColumnRef> column(String property) {
    String column = columns.get(property);
    return column == null ? Optional.empty() : Optional.of(names.column(table, column));
  }

  /** Every column, in declaration order (base classes first). */
  List<ColumnRef> columns() {
    return columns.values().stream().distinct().map(c -> names.column(table, c)).toList();
  }

  /** Whether a property is (the start of) an embedded class's path. */
  List<String> embedded(String property) {
    String prefix = property + ".";
    return columns.keySet().stream().filter(p -> p.startsWith(prefix)).toList();
  }

  /** The relation a property is, if any. */
  Optional<Relation> relation(String property) {
    return Optional.ofNullable(relations.get(property));
  }

  /** The join column of an owning relation of this entity to {@code className}, if any. */
  Optional<ColumnRef> joinColumnTo(String className) {
    for (Map.Entry<String, Relation> entry : relations.entrySet()) {
      Relation relation = entry.getValue();
      if (relation.joinColumn() != null
          && relation.target().entity().className().equals(className)) {
        return Optional.of(names.column(table, relation.joinColumn()));
      }
    }
    return Optional.empty();
  }

  /** The property of a special column ({@code @DeleteDateColumn}, …), if the entity has one. */
  Optional<ColumnRef> special(TypeOrmEntity.Kind kind) {
    return Optional.ofNullable(special.get(kind)).flatMap(this::column);
  }

  /** The primary columns. */
  List<ColumnRef> primary() {
    return special(TypeOrmEntity.Kind.PRIMARY).stream().toList();
  }

  /** TypeORM's {@code snakeCase}: {@code UserProfile} → {@code user_profile}. */
  static String snake(String name) {
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char previous = name.charAt(i - 1);
        boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        if (Character.isLowerCase(previous)
            || Character.isDigit(previous)
            || (Character.isUpperCase(previous) && nextLower)) {
          out.append('_');
        }
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }

  /** TypeORM's {@code camelCase}: {@code user_id} → {@code userId}. */
  static String camel(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean upper = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_' || c == '-' || c == ' ') {
        upper = true;
      } else if (i == 0) {
        out.append(Character.toLowerCase(c));
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** TypeORM's {@code titleCase} of one word: {@code zipCode} → {@code Zipcode}. */
  static String title(String name) {
    return name.isEmpty()
        ? name
        : Character.toUpperCase(name.charAt(0)) + name.substring(1).toLowerCase(Locale.ROOT);
  }
}
