package dev.blastradius.lang.ts;

import java.util.List;
import java.util.Optional;

/**
 * A small, tree-free model of an argument expression, enough for ORM adapters to read {@code {
 * where: { id }, select: { name: true } }}, {@code eq(users.id, 1)} or {@code text('first_name')
 * .notNull()} after the file's syntax tree is gone.
 */
public sealed interface JsValue {

  /** A string, folded as far as {@link TsStrings} can. */
  record Str(SqlText text) implements JsValue {}

  /** {@code true} or {@code false}. */
  record Bool(boolean value) implements JsValue {}

  /** A name in scope. */
  record Ident(String name) implements JsValue {}

  /** {@code object.property}. */
  record Member(JsValue object, String property) implements JsValue {}

  /** {@code callee(args…)}. */
  record Call(JsValue callee, List<JsValue> args) implements JsValue {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** An object literal; spread entries have a null key. */
  record Obj(List<Entry> entries) implements JsValue {
    public Obj {
      entries = List.copyOf(entries);
    }

    /** The value of {@code key}, if the object has it. */
    public Optional<JsValue> get(String key) {
      for (Entry entry : entries) {
        if (key.equals(entry.key())) {
          return Optional.of(entry.value());
        }
      }
      return Optional.empty();
    }

    /** Whether some entry is a spread ({@code ...rest}), so keys may be missing. */
    public boolean hasSpread() {
      return entries.stream().anyMatch(e -> e.key() == null);
    }
  }

  /** One entry of an object literal; {@code key} is null for a spread or computed key. */
  record Entry(String key, JsValue value) {}

  /** An array literal. */
  record Arr(List<JsValue> items) implements JsValue {
    public Arr {
      items = List.copyOf(items);
    }
  }

  /** A function; {@code body} is the expression an arrow returns, or null for a block. */
  record Fn(List<String> params, JsValue body) implements JsValue {
    public Fn {
      params = List.copyOf(params);
    }
  }

  /**
   * A tagged template ({@code sql`… ${users.email} …`}): {@code literals} has one more element than
   * {@code substitutions}.
   */
  record Template(JsValue tag, List<String> literals, List<JsValue> substitutions)
      implements JsValue {
    public Template {
      literals = List.copyOf(literals);
      substitutions = List.copyOf(substitutions);
    }
  }

  /** Anything else (numbers, {@code null}, operators), by its source text. */
  record Other(String text) implements JsValue {}

  /** The constant string value, if this is one. */
  default Optional<String> string() {
    return this instanceof Str str ? str.text().constant() : Optional.empty();
  }

  /** {@code a.b.c} for identifiers and member chains of them, else empty. */
  default Optional<String> dotted() {
    if (this instanceof Ident ident) {
      return Optional.of(ident.name());
    }
    if (this instanceof Member member) {
      return member.object().dotted().map(o -> o + "." + member.property());
    }
    return Optional.empty();
  }

  /** Whether this is {@code true} (Prisma's {@code select: { name: true }}). */
  default boolean isTrue() {
    return this instanceof Bool bool && bool.value();
  }
}
