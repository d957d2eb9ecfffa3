package dev.blastradius.lang.ops.dbt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Jinja expression that is a plain call with string arguments: {@code source('app', 'users')},
 * {@code ref("stg_users")}, {@code ref('package', 'model')}. Read by a tiny tokenizer (name,
 * parenthesis, quoted strings, commas); keyword arguments ({@code v=2}) are skipped; anything else
 * (filters, attribute access, nested calls) is not a plain call.
 *
 * @param name the function name
 * @param strings the positional string arguments, unquoted
 */
record JinjaCall(String name, List<String> strings) {

  /** The call, when {@code expression} is one. */
  static Optional<JinjaCall> parse(String expression) {
    String text = expression.strip();
    int open = text.indexOf('(');
    if (open <= 0 || !text.endsWith(")")) {
      return Optional.empty();
    }
    String name = text.substring(0, open).strip();
    if (!name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
      return Optional.empty();
    }
    List<String> strings = new ArrayList<>();
    int i = open + 1;
    int end = text.length() - 1;
    while (i < end) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        int close = text.indexOf(c, i + 1);
        if (close < 0 || close > end) {
          return Optional.empty();
        }
        strings.add(text.substring(i + 1, close));
        i = close + 1;
      } else if (c == ',' || Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        // A keyword argument: skip name=value up to the next comma at this level.
        int comma = text.indexOf(',', i);
        int equals = text.indexOf('=', i);
        if (equals < 0 || (comma >= 0 && comma < equals)) {
          return Optional.empty();
        }
        i = comma < 0 ? end : comma + 1;
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(new JinjaCall(name, List.copyOf(strings)));
  }
}
