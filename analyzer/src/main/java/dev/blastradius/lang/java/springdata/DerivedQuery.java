package dev.blastradius.lang.java.springdata;

import dev.blastradius.lang.java.jpa.EntityMapping;
import dev.blastradius.schema.ColumnRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Spring Data query derived from a method name: {@code
 * findDistinctTop10ByEmailIgnoreCaseAndAddressCityOrderByCreatedAtDesc} → subject {@code find},
 * criteria on {@code email} and {@code address.city}, ordering on {@code createdAt}. Property names
 * are matched against the entity's attributes, through embeddables and associations (which read the
 * associated table's columns).
 */
public record DerivedQuery(Subject subject, List<ColumnRef> criteria, List<String> unresolved) {

  /** What the query does with the rows it selects. */
  public enum Subject {
    FIND,
    EXISTS,
    COUNT,
    DELETE
  }

  /** Operator suffixes, longest first, stripped from each criterion before matching properties. */
  private static final List<String> OPERATORS =
      List.of(
          "IsNotContaining",
          "NotContaining",
          "IsGreaterThanEqual",
          "GreaterThanEqual",
          "IsLessThanEqual",
          "LessThanEqual",
          "IsStartingWith",
          "StartingWith",
          "StartsWith",
          "IsEndingWith",
          "EndingWith",
          "EndsWith",
          "IsContaining",
          "Containing",
          "Contains",
          "IsGreaterThan",
          "GreaterThan",
          "IsLessThan",
          "LessThan",
          "IsNotEmpty",
          "NotEmpty",
          "IsNotNull",
          "NotNull",
          "IsBetween",
          "Between",
          "IsNotLike",
          "NotLike",
          "IsNotIn",
          "NotIn",
          "IsBefore",
          "Before",
          "IsAfter",
          "After",
          "IsEmpty",
          "Empty",
          "IsNull",
          "Null",
          "IsLike",
          "Like",
          "IsIn",
          "In",
          "IsTrue",
          "True",
          "IsFalse",
          "False",
          "Exists",
          "Regex",
          "Matches",
          "IsNot",
          "Not",
          "Equals",
          "Is");

  private static final List<String> VERBS =
      List.of(
          "find", "read", "get", "query", "search", "stream", "exists", "count", "delete",
          "remove");

  /**
   * The query of {@code method}, or empty when the name is not a derived query ({@code save},
   * {@code findAll}, custom methods).
   */
  public static Optional<DerivedQuery> parse(
      String method, EntityMapping entity, Function<String, Optional<EntityMapping>> entities) {
    String verb = VERBS.stream().filter(method::startsWith).findFirst().orElse(null);
    int by = method.indexOf("By", verb == null ? 0 : verb.length());
    if (verb == null || by < 0) {
      return Optional.empty();
    }
    Subject subject =
        switch (verb) {
          case "exists" -> Subject.EXISTS;
          case "count" -> Subject.COUNT;
          case "delete", "remove" -> Subject.DELETE;
          default -> Subject.FIND;
        };
    String predicate = method.substring(by + 2);
    String ordering = "";
    int orderBy = predicate.indexOf("OrderBy");
    if (orderBy >= 0) {
      ordering = predicate.substring(orderBy + "OrderBy".length());
      predicate = predicate.substring(0, orderBy);
    }
    List<ColumnRef> columns = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    for (String part : predicate.split("(?<=[a-z0-9])(?:And|Or)(?=[A-Z])")) {
      String property =
          stripOperators(
              part.replace("AllIgnoreCase", "")
                  .replace("IgnoringCase", "")
                  .replace("IgnoreCase", ""));
      if (!property.isEmpty()) {
        resolve(property, entity, entities, columns, unresolved);
      }
    }
    for (String property : orderings(ordering)) {
      resolve(property, entity, entities, columns, unresolved);
    }
    return Optional.of(new DerivedQuery(subject, List.copyOf(columns), List.copyOf(unresolved)));
  }

  /** {@code CreatedAtDescNameAsc} → {@code CreatedAt}, {@code Name}. */
  static List<String> orderings(String ordering) {
    List<String> properties = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int start = 0;
    for (int i = 1; i <= ordering.length(); i++) {
      if (i == ordering.length() || Character.isUpperCase(ordering.charAt(i))) {
        String word = ordering.substring(start, i);
        if (word.equals("Asc") || word.equals("Desc")) {
          properties.add(current.toString());
          current.setLength(0);
        } else {
          current.append(word);
        }
        start = i;
      }
    }
    if (current.length() > 0) {
      properties.add(current.toString());
    }
    return properties.stream().filter(p -> !p.isEmpty()).toList();
  }

  private static String stripOperators(String part) {
    for (String operator : OPERATORS) {
      if (part.endsWith(operator) && part.length() > operator.length()) {
        return part.substring(0, part.length() - operator.length());
      }
    }
    return part;
  }

  /** Matches a capitalised property chain ({@code AddressCity}) against the entity's attributes. */
  private static void resolve(
      String property,
      EntityMapping entity,
      Function<String, Optional<EntityMapping>> entities,
      List<ColumnRef> into,
      List<String> unresolved) {
    Optional<List<ColumnRef>> columns = match(property, entity, entities, 0);
    if (columns.isPresent()) {
      into.addAll(columns.get());
    } else {
      unresolved.add(entity.entityName() + "." + decapitalise(property));
    }
  }

  /**
   * The columns a property chain reads: the foreign keys it joins through, then the column it ends
   * on.
   */
  private static Optional<List<ColumnRef>> match(
      String property,
      EntityMapping entity,
      Function<String, Optional<EntityMapping>> entities,
      int depth) {
    if (depth > 4) {
      return Optional.empty();
    }
    for (String path : entity.columns().keySet()) {
      if (capitalised(path).equals(property)) {
        return entity.column(path).map(List::of);
      }
    }
    for (var association : entity.associations().entrySet()) {
      String prefix = capitalised(association.getKey());
      if (property.startsWith(prefix) && property.length() > prefix.length()) {
        Optional<EntityMapping> target = entities.apply(association.getValue());
        Optional<ColumnRef> foreignKey = entity.column(association.getKey());
        String rest = property.substring(prefix.length());
        if (rest.equals("Id") && foreignKey.isPresent()) {
          return Optional.of(List.of(foreignKey.get())); // customer.id is the foreign key itself
        }
        Optional<List<ColumnRef>> nested = target.flatMap(t -> match(rest, t, entities, depth + 1));
        if (nested.isPresent()) {
          List<ColumnRef> joined = new ArrayList<>();
          foreignKey.ifPresent(joined::add);
          joined.addAll(nested.get());
          return Optional.of(joined);
        }
      }
    }
    return Optional.empty();
  }

  /** {@code address.city} → {@code AddressCity}. */
  private static String capitalised(String path) {
    StringBuilder out = new StringBuilder();
    for (String part : path.split("\\.")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }

  private static String decapitalise(String property) {
    return property.isEmpty()
        ? property
        : Character.toLowerCase(property.charAt(0)) + property.substring(1);
  }
}
