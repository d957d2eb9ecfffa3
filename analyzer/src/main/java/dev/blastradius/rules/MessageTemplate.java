package dev.blastradius.rules;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Fills {@code {name}} placeholders in rule messages. */
public final class MessageTemplate {

  private MessageTemplate() {}

  /** The placeholders in {@code template}, in order of first use. */
  public static Set<String> placeholders(String template) {
    Set<String> names = new LinkedHashSet<>();
    int open = template.indexOf('{');
    while (open >= 0) {
      int close = template.indexOf('}', open);
      if (close < 0) {
        break;
      }
      names.add(template.substring(open + 1, close));
      open = template.indexOf('{', close);
    }
    return names;
  }

  /** The template with every placeholder replaced; a missing value is a bug in the rule. */
  public static String format(String template, Map<String, String> values) {
    // One pass, so that values containing braces (routes like /users/{id}) stay as they are.
    StringBuilder result = new StringBuilder();
    int from = 0;
    int open = template.indexOf('{');
    while (open >= 0) {
      int close = template.indexOf('}', open);
      if (close < 0) {
        break;
      }
      String name = template.substring(open + 1, close);
      String value = values.get(name);
      if (value == null) {
        throw new IllegalStateException("no value for placeholder {" + name + "} in: " + template);
      }
      result.append(template, from, open).append(value);
      from = close + 1;
      open = template.indexOf('{', from);
    }
    return result.append(template.substring(from)).toString();
  }
}
