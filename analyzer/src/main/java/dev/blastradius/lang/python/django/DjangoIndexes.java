package dev.blastradius.lang.python.django;

import dev.blastradius.change.AddConstraint;
import dev.blastradius.change.ConstraintKind;
import dev.blastradius.change.CreateIndex;
import dev.blastradius.change.DropIndex;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.schema.TableRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Django's index and constraint operations as schema changes: {@code AddIndex(index=Index(fields=…,
 * condition=Q(…)))} creates an index on the fields and the columns its condition names; {@code
 * RemoveIndex} drops it; {@code AddConstraint} with a {@code UniqueConstraint} or {@code
 * CheckConstraint} adds a constraint on the columns it names; a field gaining or losing {@code
 * db_index} creates or drops the index Django names after the table, column and a hash.
 */
final class DjangoIndexes {

  /** Postgres' identifier limit, which Django's generated names respect. */
  private static final int MAX_NAME = 63;

  private DjangoIndexes() {}

  /**
   * The change an index or constraint operation makes on {@code table}, if it names a known kind.
   *
   * @param column the column of a field of the model, by field name, or null
   */
  static Optional<SchemaChange> change(
      String operation, PyExpr.Call op, TableRef table, Function<String, String> column) {
    switch (operation) {
      case "AddIndex", "AddIndexConcurrently" -> {
        if (!(op.argument(1, "index").orElse(null) instanceof PyExpr.Call index)) {
          return Optional.empty();
        }
        Set<String> columns = new LinkedHashSet<>();
        fields(index.keyword("fields"), column, columns);
        index.keyword("condition").ifPresent(q -> lookups(q, column, columns));
        String name = index.keyword("name").flatMap(PyExpr::string).orElse(null);
        return Optional.of(
            new CreateIndex(
                table,
                name,
                List.copyOf(columns),
                false,
                operation.equals("AddIndexConcurrently"),
                false,
                index.keyword("condition").isPresent() ? "condition" : null));
      }
      case "RemoveIndex", "RemoveIndexConcurrently" -> {
        return op.argument(1, "name")
            .flatMap(PyExpr::string)
            .map(
                name ->
                    new DropIndex(table, name, operation.equals("RemoveIndexConcurrently"), false));
      }
      case "AddConstraint", "AddConstraintNotValid" -> {
        if (!(op.argument(1, "constraint").orElse(null) instanceof PyExpr.Call constraint)) {
          return Optional.empty();
        }
        String kind = DjangoFieldTypes.fieldClass(constraint);
        Set<String> columns = new LinkedHashSet<>();
        ConstraintKind constraintKind;
        if (kind.equals("UniqueConstraint")) {
          constraintKind = ConstraintKind.UNIQUE;
          fields(constraint.keyword("fields"), column, columns);
          constraint.keyword("condition").ifPresent(q -> lookups(q, column, columns));
        } else if (kind.equals("CheckConstraint")) {
          constraintKind = ConstraintKind.CHECK;
          constraint
              .keyword("check")
              .or(() -> constraint.keyword("condition"))
              .ifPresent(q -> lookups(q, column, columns));
        } else {
          return Optional.empty();
        }
        String name = constraint.keyword("name").flatMap(PyExpr::string).orElse(null);
        return Optional.of(
            new AddConstraint(
                table,
                name,
                constraintKind,
                List.copyOf(columns),
                null,
                List.of(),
                null,
                operation.equals("AddConstraintNotValid"),
                null));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /** The name Django gives the index of a {@code db_index=True} field. */
  static String autoIndexName(String table, String column) {
    String hash = digest(table, column);
    String name = table + "_" + column + "_" + hash;
    if (name.length() <= MAX_NAME) {
      return name;
    }
    // Django shortens both parts to fit, keeping the hash.
    int other = (MAX_NAME - hash.length()) / 2 - 1;
    return table.substring(0, Math.min(table.length(), other))
        + "_"
        + column.substring(0, Math.min(column.length(), other))
        + "_"
        + hash;
  }

  private static String digest(String... parts) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      for (String part : parts) {
        md5.update(part.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md5.digest()).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required by every Java platform", e);
    }
  }

  /** {@code fields=["processed", "-created"]}: the fields' columns. */
  private static void fields(
      Optional<PyExpr> list, Function<String, String> column, Set<String> into) {
    for (String field : list.map(PyExpr::strings).orElse(List.of())) {
      String name = field.startsWith("-") ? field.substring(1) : field;
      Optional.ofNullable(column.apply(name)).ifPresent(into::add);
    }
  }

  /** The columns a {@code Q(…)} names: its lookups' first parts, in nested {@code Q}s too. */
  private static void lookups(PyExpr q, Function<String, String> column, Set<String> into) {
    Deque<PyExpr> work = new ArrayDeque<>();
    work.push(q);
    List<String> names = new ArrayList<>();
    while (!work.isEmpty()) {
      PyExpr next = work.pop();
      if (next instanceof PyExpr.Call call && call.name().filter("Q"::equals).isPresent()) {
        for (PyExpr.Arg arg : call.keywords()) {
          if (!arg.keyword().startsWith("_")) {
            names.add(arg.keyword().split("__", 2)[0]);
          }
        }
        call.positional().forEach(work::push);
        continue;
      }
      if (next instanceof PyExpr.Seq seq && seq.items().size() == 2) {
        // Q(("processed", None)): a lookup as a pair.
        PyExpr.string(seq.items().get(0)).ifPresent(k -> names.add(k.split("__", 2)[0]));
        continue;
      }
      next.parts().forEach(work::push);
    }
    for (String name : names) {
      Optional.ofNullable(column.apply(name)).ifPresent(into::add);
    }
  }
}
