package dev.blastradius.lang.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Python expression, reduced to what the analysis reads: names, attribute chains, calls with
 * their arguments, strings (f-strings with their interpolations), containers and comparisons.
 * Anything else is {@link Other}, which keeps the expressions inside it so that no call is lost.
 * Kept in the link state instead of the syntax tree, which is freed after each file.
 */
public sealed interface PyExpr {

  /** Every expression directly inside this one, in source order. */
  List<PyExpr> parts();

  /** A name: {@code users}. */
  record Name(String id) implements PyExpr {
    @Override
    public List<PyExpr> parts() {
      return List.of();
    }
  }

  /** An attribute: {@code users.email}. */
  record Attr(PyExpr object, String name) implements PyExpr {
    @Override
    public List<PyExpr> parts() {
      return List.of(object);
    }
  }

  /**
   * A call.
   *
   * @param line the 1-based line of the call
   */
  record Call(PyExpr function, List<Arg> args, int line) implements PyExpr {
    public Call {
      args = List.copyOf(args);
    }

    @Override
    public List<PyExpr> parts() {
      List<PyExpr> parts = new ArrayList<>();
      parts.add(function);
      args.forEach(a -> parts.add(a.value()));
      return parts;
    }

    /** The positional arguments (not splatted), in order. */
    public List<PyExpr> positional() {
      return args.stream()
          .filter(a -> a.keyword() == null && a.splat() == 0)
          .map(Arg::value)
          .toList();
    }

    /** The positional argument at {@code index}, if given. */
    public Optional<PyExpr> positional(int index) {
      List<PyExpr> positional = positional();
      return index < positional.size() ? Optional.of(positional.get(index)) : Optional.empty();
    }

    /** The value of keyword argument {@code name}, if given. */
    public Optional<PyExpr> keyword(String name) {
      return args.stream().filter(a -> name.equals(a.keyword())).map(Arg::value).findFirst();
    }

    /** The keyword arguments, in order. */
    public List<Arg> keywords() {
      return args.stream().filter(a -> a.keyword() != null).toList();
    }

    /** The argument, positional at {@code index} or by keyword {@code name}. */
    public Optional<PyExpr> argument(int index, String name) {
      return keyword(name).or(() -> positional(index));
    }

    /** Whether {@code *args} or {@code **kwargs} is passed, so the count is not known. */
    public boolean splatted() {
      return args.stream().anyMatch(a -> a.splat() != 0);
    }

    /** The name of the called function or method: {@code filter} for {@code qs.filter(…)}. */
    public Optional<String> name() {
      if (function instanceof Name name) {
        return Optional.of(name.id());
      }
      if (function instanceof Attr attr) {
        return Optional.of(attr.name());
      }
      return Optional.empty();
    }

    /** The receiver of a method call, if it is one. */
    public Optional<PyExpr> receiver() {
      return function instanceof Attr attr ? Optional.of(attr.object()) : Optional.empty();
    }
  }

  /**
   * One argument of a call.
   *
   * @param keyword the keyword, or null for positional arguments
   * @param splat 0, or 1 for {@code *args}, 2 for {@code **kwargs}
   */
  record Arg(String keyword, PyExpr value, int splat) {}

  /** A string whose value is fully known (adjacent literals are joined). */
  record Str(String value) implements PyExpr {
    @Override
    public List<PyExpr> parts() {
      return List.of();
    }
  }

  /** An f-string: {@link Str} pieces and interpolated expressions. */
  record FStr(List<PyExpr> pieces) implements PyExpr {
    public FStr {
      pieces = List.copyOf(pieces);
    }

    @Override
    public List<PyExpr> parts() {
      return pieces;
    }
  }

  /** A list, tuple or set display. */
  record Seq(List<PyExpr> items) implements PyExpr {
    public Seq {
      items = List.copyOf(items);
    }

    @Override
    public List<PyExpr> parts() {
      return items;
    }
  }

  /** A dict display; a {@code **splat} entry has a null key. */
  record Dict(List<PyExpr> keys, List<PyExpr> values) implements PyExpr {
    public Dict {
      keys = java.util.Collections.unmodifiableList(new ArrayList<>(keys));
      values = List.copyOf(values);
    }

    @Override
    public List<PyExpr> parts() {
      List<PyExpr> parts = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        if (keys.get(i) != null) {
          parts.add(keys.get(i));
        }
        parts.add(values.get(i));
      }
      return parts;
    }

    /** The value under a string key. */
    public Optional<PyExpr> get(String key) {
      for (int i = 0; i < keys.size(); i++) {
        if (keys.get(i) instanceof Str s && s.value().equals(key)) {
          return Optional.of(values.get(i));
        }
      }
      return Optional.empty();
    }
  }

  /** A binary or boolean operation: {@code a + b}, {@code a % b}, {@code a | b}, {@code a or b}. */
  record BinOp(String op, PyExpr left, PyExpr right) implements PyExpr {
    @Override
    public List<PyExpr> parts() {
      return List.of(left, right);
    }
  }

  /** A comparison {@code a == b}; chained comparisons keep every operand. */
  record Compare(List<String> ops, List<PyExpr> operands) implements PyExpr {
    public Compare {
      ops = List.copyOf(ops);
      operands = List.copyOf(operands);
    }

    @Override
    public List<PyExpr> parts() {
      return operands;
    }
  }

  /** A subscript {@code a[b]}; a tuple index keeps its items. */
  record Subscript(PyExpr value, List<PyExpr> index) implements PyExpr {
    public Subscript {
      index = List.copyOf(index);
    }

    @Override
    public List<PyExpr> parts() {
      List<PyExpr> parts = new ArrayList<>();
      parts.add(value);
      parts.addAll(index);
      return parts;
    }
  }

  /** A lambda. */
  record Lambda(List<String> params, PyExpr body) implements PyExpr {
    public Lambda {
      params = List.copyOf(params);
    }

    @Override
    public List<PyExpr> parts() {
      return List.of(body);
    }
  }

  /**
   * A comprehension or generator: {@code element} for each {@code targets[i] in iterables[i]},
   * filtered by {@code conditions}.
   */
  record Comprehension(
      PyExpr element, List<PyExpr> targets, List<PyExpr> iterables, List<PyExpr> conditions)
      implements PyExpr {
    public Comprehension {
      targets = List.copyOf(targets);
      iterables = List.copyOf(iterables);
      conditions = List.copyOf(conditions);
    }

    @Override
    public List<PyExpr> parts() {
      List<PyExpr> parts = new ArrayList<>(iterables);
      parts.add(element);
      parts.addAll(conditions);
      return parts;
    }
  }

  /** A number, {@code True}, {@code False}, {@code None} or {@code ...}. */
  record Literal(String text) implements PyExpr {
    @Override
    public List<PyExpr> parts() {
      return List.of();
    }
  }

  /** Anything else ({@code not x}, {@code a if c else b}, {@code *x}), with what is inside it. */
  record Other(List<PyExpr> parts) implements PyExpr {
    public Other {
      parts = List.copyOf(parts);
    }
  }

  /** The dotted form of a name or attribute chain ({@code models.Model}), if it is one. */
  static Optional<String> dotted(PyExpr expr) {
    if (expr instanceof Name name) {
      return Optional.of(name.id());
    }
    if (expr instanceof Attr attr) {
      return dotted(attr.object()).map(o -> o + "." + attr.name());
    }
    return Optional.empty();
  }

  /** The string value of a plain string literal, if it is one. */
  static Optional<String> string(PyExpr expr) {
    return expr instanceof Str s ? Optional.of(s.value()) : Optional.empty();
  }

  /** The strings of a list/tuple of string literals (or of one string), skipping other items. */
  static List<String> strings(PyExpr expr) {
    if (expr instanceof Str s) {
      return List.of(s.value());
    }
    if (expr instanceof Seq seq) {
      return seq.items().stream().flatMap(i -> string(i).stream()).toList();
    }
    return List.of();
  }
}
