package dev.blastradius.lang.java;

import dev.blastradius.lang.HostedSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Java string value as far as we can fold it: literal text, references to constants of other
 * classes (resolved once every file is read), and dynamic parts we cannot know.
 */
public record StringTemplate(List<Part> parts) {

  /** One piece of a template. */
  public sealed interface Part permits Literal, Ref, Dynamic {}

  /** Known text. */
  public record Literal(String text) implements Part {}

  /**
   * A constant we could not see in this file: {@code owner.name}, or {@code name} alone (owner
   * null) for an inherited or statically imported constant.
   */
  public record Ref(String owner, String name) implements Part {}

  /** A part only known at run time. */
  public record Dynamic() implements Part {}

  public StringTemplate {
    parts = List.copyOf(parts);
  }

  public static StringTemplate literal(String text) {
    return new StringTemplate(List.of(new Literal(text)));
  }

  public static StringTemplate dynamic() {
    return new StringTemplate(List.of(new Dynamic()));
  }

  public static StringTemplate ref(String owner, String name) {
    return new StringTemplate(List.of(new Ref(owner, name)));
  }

  /** This template followed by {@code other}. */
  public StringTemplate plus(StringTemplate other) {
    List<Part> joined = new ArrayList<>(parts);
    joined.addAll(other.parts);
    return new StringTemplate(joined);
  }

  /** True when no part is dynamic or unresolved. */
  public boolean complete() {
    return parts.stream().allMatch(Literal.class::isInstance);
  }

  /** True when some part still refers to another class's constant. */
  public boolean hasRefs() {
    return parts.stream().anyMatch(Ref.class::isInstance);
  }

  /** The text, with {@link HostedSql#DYNAMIC_PART} for every part not known. */
  public String text() {
    StringBuilder text = new StringBuilder();
    for (Part part : parts) {
      text.append(part instanceof Literal literal ? literal.text() : HostedSql.DYNAMIC_PART);
    }
    return text.toString();
  }

  /**
   * Replaces references by what {@code lookup} finds for them, recursively (constants may refer to
   * constants); references it cannot find become dynamic.
   */
  public StringTemplate resolve(Function<Ref, Optional<StringTemplate>> lookup) {
    return resolve(lookup, 0);
  }

  private StringTemplate resolve(Function<Ref, Optional<StringTemplate>> lookup, int depth) {
    if (!hasRefs()) {
      return this;
    }
    List<Part> resolved = new ArrayList<>();
    for (Part part : parts) {
      if (part instanceof Ref ref) {
        Optional<StringTemplate> found = depth < 16 ? lookup.apply(ref) : Optional.empty();
        resolved.addAll(
            found.map(t -> t.resolve(lookup, depth + 1).parts).orElse(List.of(new Dynamic())));
      } else {
        resolved.add(part);
      }
    }
    return new StringTemplate(resolved);
  }
}
