package dev.blastradius.lang.ts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Folds string expressions of one file: literals, templates, {@code +} chains, {@code const}
 * bindings of this file (by name; a name bound to different strings in different scopes is
 * dynamic), members of constant objects, {@code .join()} of constant arrays, and imported constants
 * as {@link SqlText.Ref}s resolved at link time.
 */
public final class TsStrings {

  /** Node types whose value may be a string. */
  static final Set<String> STRINGISH =
      Set.of(
          "string",
          "template_string",
          "binary_expression",
          "object",
          "array",
          "as_expression",
          "satisfies_expression",
          "parenthesized_expression",
          "call_expression",
          "identifier",
          "member_expression");

  private static final int MAX_DEPTH = 24;

  private final TsSource source;
  private final Map<String, List<TsNode>> constants = new HashMap<>();
  private final Set<String> imported = new HashSet<>();
  private final Set<String> evaluating = new HashSet<>();

  TsStrings(TsSource source) {
    this.source = source;
  }

  /** Records {@code const name = value}. */
  void constant(String name, TsNode value) {
    constants.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
  }

  /**
   * The value a {@code const} of this file binds {@code name} to, when it is bound once; null
   * otherwise.
   */
  public TsNode boundValue(String name) {
    List<TsNode> values = constants.get(name);
    return values != null && values.size() == 1 ? values.get(0) : null;
  }

  /** Records a binding imported from another module. */
  void imported(String local) {
    imported.add(local);
  }

  /** The folded value of an expression, or empty when it is not a string. */
  public Optional<SqlText> evaluate(TsNode node) {
    return evaluate(node, 0);
  }

  private Optional<SqlText> evaluate(TsNode node, int depth) {
    if (!TsSource.present(node) || depth > MAX_DEPTH) {
      return Optional.empty();
    }
    return switch (node.getType()) {
      case "string" -> source.stringValue(node).map(SqlText::literal);
      case "template_string" -> Optional.of(template(node, depth));
      case "binary_expression" -> concatenation(node, depth);
      case "parenthesized_expression",
          "as_expression",
          "satisfies_expression",
          "non_null_expression",
          "type_assertion" ->
          evaluate(TsSource.unwrap(node), depth + 1);
      case "identifier" -> identifier(source.text(node), depth);
      case "member_expression" -> member(node, depth);
      case "call_expression" -> call(node, depth);
      default -> Optional.empty();
    };
  }

  /** An untagged template: substitutions are folded when they are constants, else dynamic. */
  private SqlText template(TsNode node, int depth) {
    List<SqlText.Part> parts = new ArrayList<>();
    for (TsNode child : TsSource.named(node)) {
      switch (child.getType()) {
        case "string_fragment" -> parts.add(new SqlText.Literal(source.text(child)));
        case "escape_sequence" ->
            parts.add(new SqlText.Literal(TsSource.unescape(source.text(child))));
        case "template_substitution" -> {
          List<TsNode> inner = TsSource.named(child);
          Optional<SqlText> value =
              inner.size() == 1 ? evaluate(inner.get(0), depth + 1) : Optional.empty();
          parts.addAll(value.map(SqlText::parts).orElse(List.of(new SqlText.Dynamic())));
        }
        default -> {}
      }
    }
    return new SqlText(parts);
  }

  /**
   * A tagged template ({@code sql`…`}): its substitutions are values the tag binds as parameters,
   * except nested tagged templates (SQL fragments, inlined), raw or identifier helpers ({@code
   * sql.raw(…)}, {@code Prisma.join(…)}, {@code sql(name)}: dynamic), and {@code empty} fragments.
   */
  public SqlText tagged(TsNode template, int depth) {
    List<SqlText.Part> parts = new ArrayList<>();
    for (TsNode child : TsSource.named(template)) {
      switch (child.getType()) {
        case "string_fragment" -> parts.add(new SqlText.Literal(source.text(child)));
        case "escape_sequence" ->
            parts.add(new SqlText.Literal(TsSource.unescape(source.text(child))));
        case "template_substitution" -> {
          List<TsNode> inner = TsSource.named(child);
          parts.addAll(
              inner.size() == 1
                  ? substitution(TsSource.unwrap(inner.get(0)), depth).parts()
                  : List.of(new SqlText.Dynamic()));
        }
        default -> {}
      }
    }
    return new SqlText(parts);
  }

  private SqlText substitution(TsNode value, int depth) {
    String type = TsSource.type(value);
    if (type.equals("call_expression")) {
      TsNode arguments = TsSource.field(value, "arguments");
      if (TsSource.type(arguments).equals("template_string") && depth < MAX_DEPTH) {
        return tagged(arguments, depth + 1);
      }
      return SqlText.dynamic();
    }
    if (type.equals("identifier") || type.equals("member_expression")) {
      String text = source.text(value);
      if (text.equals("empty") || text.endsWith(".empty")) {
        return SqlText.literal("");
      }
      List<TsNode> values = type.equals("identifier") ? constants.get(text) : null;
      if (values != null && values.size() == 1) {
        TsNode bound = TsSource.unwrap(values.get(0));
        TsNode arguments =
            TsSource.type(bound).equals("call_expression")
                ? TsSource.field(bound, "arguments")
                : null;
        if (TsSource.type(arguments).equals("template_string") && depth < MAX_DEPTH) {
          return tagged(arguments, depth + 1);
        }
      }
    }
    return new SqlText(List.of(new SqlText.Param()));
  }

  private Optional<SqlText> concatenation(TsNode node, int depth) {
    TsNode operator = TsSource.field(node, "operator");
    if (operator == null || !source.text(operator).equals("+")) {
      return Optional.empty();
    }
    Optional<SqlText> left = evaluate(TsSource.field(node, "left"), depth + 1);
    Optional<SqlText> right = evaluate(TsSource.field(node, "right"), depth + 1);
    if (left.isEmpty() && right.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(left.orElse(SqlText.dynamic()).plus(right.orElse(SqlText.dynamic())));
  }

  private Optional<SqlText> identifier(String name, int depth) {
    List<TsNode> values = constants.get(name);
    if (values == null) {
      return imported.contains(name)
          ? Optional.of(new SqlText(List.of(new SqlText.Ref(name, null))))
          : Optional.empty();
    }
    if (!evaluating.add(name)) {
      return Optional.of(SqlText.dynamic());
    }
    try {
      Optional<SqlText> first = evaluate(values.get(0), depth + 1);
      for (int i = 1; i < values.size() && first.isPresent(); i++) {
        if (!first.equals(evaluate(values.get(i), depth + 1))) {
          return Optional.of(SqlText.dynamic());
        }
      }
      return first;
    } finally {
      evaluating.remove(name);
    }
  }

  /** {@code OBJ.key} of a constant object literal, or of an imported binding. */
  private Optional<SqlText> member(TsNode node, int depth) {
    TsNode object = TsSource.field(node, "object");
    TsNode property = TsSource.field(node, "property");
    if (!TsSource.type(object).equals("identifier") || property == null) {
      return Optional.empty();
    }
    String name = source.text(object);
    String key = source.text(property);
    List<TsNode> values = constants.get(name);
    if (values == null) {
      return imported.contains(name)
          ? Optional.of(new SqlText(List.of(new SqlText.Ref(name, key))))
          : Optional.empty();
    }
    if (values.size() != 1) {
      return Optional.empty();
    }
    TsNode object2 = TsSource.unwrap(values.get(0));
    if (!TsSource.type(object2).equals("object")) {
      return Optional.empty();
    }
    TsNode value = property(object2, key);
    return value == null ? Optional.empty() : evaluate(value, depth + 1);
  }

  /** The value of {@code key} in an object literal node, or null. */
  TsNode property(TsNode object, String key) {
    for (TsNode entry : TsSource.named(object)) {
      if (entry.getType().equals("pair")) {
        TsNode k = TsSource.field(entry, "key");
        if (k != null && source.keyName(k).filter(key::equals).isPresent()) {
          return TsSource.field(entry, "value");
        }
      }
    }
    return null;
  }

  /** {@code [...].join(sep)}, {@code s.trim()} and friends of folded strings; tagged templates. */
  private Optional<SqlText> call(TsNode node, int depth) {
    TsNode function = TsSource.field(node, "function");
    TsNode template = TsSource.field(node, "arguments");
    if (TsSource.type(template).equals("template_string")) {
      return Optional.of(tagged(template, depth));
    }
    if (!TsSource.type(function).equals("member_expression")) {
      return Optional.empty();
    }
    TsNode property = TsSource.field(function, "property");
    TsNode receiver = TsSource.unwrap(TsSource.field(function, "object"));
    String method = property == null ? "" : source.text(property);
    switch (method) {
      case "trim", "trimStart", "trimEnd", "toString" -> {
        return evaluate(receiver, depth + 1);
      }
      case "join" -> {
        if (!TsSource.type(receiver).equals("array")) {
          return Optional.empty();
        }
        TsNode arguments = TsSource.field(node, "arguments");
        List<TsNode> args = arguments == null ? List.of() : TsSource.named(arguments);
        Optional<SqlText> separator =
            args.isEmpty() ? Optional.of(SqlText.literal(",")) : evaluate(args.get(0), depth + 1);
        SqlText joined = null;
        for (TsNode item : TsSource.named(receiver)) {
          SqlText value = evaluate(item, depth + 1).orElse(SqlText.dynamic());
          joined =
              joined == null ? value : joined.plus(separator.orElse(SqlText.dynamic())).plus(value);
        }
        return Optional.of(joined == null ? SqlText.literal("") : joined);
      }
      default -> {
        return Optional.empty();
      }
    }
  }
}
