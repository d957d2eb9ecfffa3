package dev.blastradius.rules;

import java.util.List;
import java.util.Map;

/**
 * A rule's metadata from {@code rules/<pack>/<id>.yaml} plus its documentation from {@code
 * <id>.md}. See {@code rules/README.md} for the meaning of each field.
 *
 * @param pack the directory the rule lives in, e.g. {@code expand-contract}
 * @param impl the implementation's name in {@link RuleImplementations}
 * @param params parameters for the implementation
 * @param message the finding message template with {@code {placeholder}}s
 * @param equivalents ids of the same check in other tools ({@code squawk}, {@code
 *     strong_migrations})
 * @param documentation the rule's markdown documentation
 */
public record RuleMetadata(
    String id,
    String pack,
    String title,
    Level severity,
    String since,
    String impl,
    Map<String, Object> params,
    String message,
    List<String> tags,
    Map<String, List<String>> equivalents,
    String documentation) {

  public RuleMetadata {
    params = params == null ? Map.of() : Map.copyOf(params);
    tags = tags == null ? List.of() : List.copyOf(tags);
    equivalents = equivalents == null ? Map.of() : Map.copyOf(equivalents);
  }

  /** The same rule at another level ({@code severity:} in {@code blastradius.yaml}). */
  public RuleMetadata withSeverity(Level level) {
    return new RuleMetadata(
        id, pack, title, level, since, impl, params, message, tags, equivalents, documentation);
  }

  /** The first paragraph of the documentation's Problem section, for short descriptions. */
  public String summary() {
    String[] blocks = documentation.split("\\R\\s*\\R");
    for (String block : blocks) {
      String text = block.strip();
      if (!text.isEmpty() && !text.startsWith("#")) {
        return text.replaceAll("\\s*\\R\\s*", " ");
      }
    }
    return title;
  }
}
