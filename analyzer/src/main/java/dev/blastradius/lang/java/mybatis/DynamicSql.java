package dev.blastradius.lang.java.mybatis;

import dev.blastradius.lang.java.StringTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a mapped statement's dynamic SQL into the plain SQL MyBatis could send, for one {@link
 * Variant} of its branches. {@code #{…}} parameters become {@code ?}; {@code ${…}} substitutions
 * become dynamic parts, except inside an {@code <include>} that sets the property; one that
 * qualifies a name ({@code ${schema}.users}) is left out, so the name resolves as written, and the
 * rendering is {@link Rendering#partial() partial}. {@code <where>}, {@code <set>} and {@code
 * <trim>} add their prefix and drop leading {@code AND}/{@code OR} and stray commas as MyBatis
 * does, so the result stays parseable; {@code <foreach>} is rendered once between its {@code open}
 * and {@code close}.
 */
final class DynamicSql {

  /** How deep includes may nest before we call it a cycle. */
  private static final int MAX_INCLUDE_DEPTH = 16;

  private static final List<String> WHERE_OVERRIDES = List.of("AND", "OR");

  /**
   * Finds {@code <sql>} fragments; {@code refid} as written, resolved against {@code namespace}.
   */
  interface Fragments {
    Optional<Fragment> find(String namespace, String refid);
  }

  /** A {@code <sql>} element and the namespace of its mapper. */
  record Fragment(String namespace, XmlNode.Element element) {}

  /**
   * Which branches one rendering takes.
   *
   * @param choices for a {@code <choose>}, the index of the branch to take (default the first)
   * @param ifs the {@code <if>} elements to include, or null for all of them
   */
  record Variant(Map<XmlNode.Element, Integer> choices, Set<XmlNode.Element> ifs) {
    /** Every {@code <if>}, the first branch of every {@code <choose>}. */
    static final Variant DEFAULT = new Variant(Map.of(), null);
  }

  /**
   * One rendering.
   *
   * @param sql the SQL, with dynamic parts for {@code ${…}}
   * @param chooses every {@code <choose>} met, with its number of branches
   * @param ifs every {@code <if>} met
   * @param missing refids of includes that could not be found
   * @param partial a {@code ${…}} qualifier was left out: the SQL is only partly known, though
   *     {@code sql} has no dynamic part for it
   */
  record Rendering(
      StringTemplate sql,
      Map<XmlNode.Element, Integer> chooses,
      List<XmlNode.Element> ifs,
      List<String> missing,
      boolean partial) {}

  private final Fragments fragments;
  private final Variant variant;
  // Elements compare by identity, so this keeps document order without merging equal twins.
  private final Map<XmlNode.Element, Integer> chooses = new LinkedHashMap<>();
  private final List<XmlNode.Element> ifs = new ArrayList<>();
  private final List<String> missing = new ArrayList<>();

  private DynamicSql(Fragments fragments, Variant variant) {
    this.fragments = fragments;
    this.variant = variant;
  }

  /** Renders the content of {@code statement}, a statement of {@code namespace}. */
  static Rendering render(
      XmlNode.Element statement, String namespace, Fragments fragments, Variant variant) {
    DynamicSql renderer = new DynamicSql(fragments, variant);
    Text text = new Text();
    renderer.children(statement, namespace, Map.of(), text, 0);
    return new Rendering(
        text.template(),
        renderer.chooses,
        List.copyOf(renderer.ifs),
        renderer.missing,
        text.partial);
  }

  private void children(
      XmlNode.Element element,
      String namespace,
      Map<String, String> properties,
      Text out,
      int depth) {
    for (XmlNode child : element.children()) {
      if (child instanceof XmlNode.Text text) {
        substitute(text.text(), properties, out);
      } else if (child instanceof XmlNode.Element nested) {
        element(nested, namespace, properties, out, depth);
      }
    }
  }

  private void element(
      XmlNode.Element element,
      String namespace,
      Map<String, String> properties,
      Text out,
      int depth) {
    switch (element.name()) {
      case "if" -> {
        ifs.add(element);
        if (variant.ifs() == null || variant.ifs().contains(element)) {
          children(element, namespace, properties, out, depth);
        }
      }
      case "choose" -> {
        List<XmlNode.Element> branches =
            element.elements().stream()
                .filter(e -> e.name().equals("when") || e.name().equals("otherwise"))
                .toList();
        chooses.put(element, branches.size());
        int taken = variant.choices().getOrDefault(element, 0);
        if (taken < branches.size()) {
          children(branches.get(taken), namespace, properties, out, depth);
        }
      }
      case "where" -> trimmed(element, namespace, properties, out, depth, "WHERE", "", true);
      case "set" -> trimmed(element, namespace, properties, out, depth, "SET", "", false);
      case "trim" -> trim(element, namespace, properties, out, depth);
      case "foreach" -> {
        Text body = new Text();
        children(element, namespace, properties, body, depth);
        out.literal(element.attribute("open").orElse(""));
        out.append(body);
        out.literal(element.attribute("close").orElse(""));
      }
      case "include" -> include(element, namespace, properties, out, depth);
      case "bind", "selectKey", "property" -> {
        // No SQL of the statement: a variable, a separate key query, an include's argument.
      }
      default -> children(element, namespace, properties, out, depth);
    }
  }

  /** {@code <where>} and {@code <set>}: prefix, leading AND/OR or surrounding commas dropped. */
  private void trimmed(
      XmlNode.Element element,
      String namespace,
      Map<String, String> properties,
      Text out,
      int depth,
      String prefix,
      String suffix,
      boolean where) {
    Text body = new Text();
    children(element, namespace, properties, body, depth);
    if (where) {
      body.stripLeading(WHERE_OVERRIDES);
    } else {
      body.stripLeading(List.of(","));
      body.stripTrailing(List.of(","));
    }
    if (!body.isBlank()) {
      out.literal(prefix);
      out.append(body);
      out.literal(suffix);
    }
  }

  /** {@code <trim prefix suffix prefixOverrides suffixOverrides>}. */
  private void trim(
      XmlNode.Element element,
      String namespace,
      Map<String, String> properties,
      Text out,
      int depth) {
    Text body = new Text();
    children(element, namespace, properties, body, depth);
    body.stripLeading(overrides(element.attributes().get("prefixOverrides")));
    body.stripTrailing(overrides(element.attributes().get("suffixOverrides")));
    if (!body.isBlank()) {
      out.literal(element.attributes().getOrDefault("prefix", ""));
      out.append(body);
      out.literal(element.attributes().getOrDefault("suffix", ""));
    }
  }

  /** {@code "AND |OR "} → {@code [AND, OR]}. */
  private static List<String> overrides(String attribute) {
    if (attribute == null) {
      return List.of();
    }
    List<String> result = new ArrayList<>();
    for (String token : attribute.split("\\|")) {
      if (!token.isBlank()) {
        result.add(token.strip().toUpperCase(Locale.ROOT));
      }
    }
    return result;
  }

  private void include(
      XmlNode.Element include,
      String namespace,
      Map<String, String> properties,
      Text out,
      int depth) {
    String refid = substituteProperties(include.attributes().getOrDefault("refid", ""), properties);
    Optional<Fragment> fragment =
        depth < MAX_INCLUDE_DEPTH ? fragments.find(namespace, refid) : Optional.empty();
    if (fragment.isEmpty()) {
      missing.add(refid);
      out.separate();
      out.dynamic();
      return;
    }
    Map<String, String> nested = new LinkedHashMap<>(properties);
    for (XmlNode.Element property : include.elements()) {
      if (property.name().equals("property")) {
        property
            .attribute("name")
            .ifPresent(
                name ->
                    nested.put(
                        name,
                        substituteProperties(
                            property.attributes().getOrDefault("value", ""), properties)));
      }
    }
    children(fragment.get().element(), fragment.get().namespace(), nested, out, depth + 1);
  }

  /** {@code ${name}} replaced by known properties; unknown ones stay as written. */
  private static String substituteProperties(String text, Map<String, String> properties) {
    StringBuilder result = new StringBuilder();
    int at = 0;
    while (at < text.length()) {
      int open = text.indexOf("${", at);
      int close = open < 0 ? -1 : text.indexOf('}', open);
      if (close < 0) {
        result.append(text, at, text.length());
        break;
      }
      String name = text.substring(open + 2, close).strip();
      result.append(text, at, open);
      result.append(
          properties.containsKey(name) ? properties.get(name) : text.substring(open, close + 1));
      at = close + 1;
    }
    return result.toString();
  }

  /** Text with {@code #{…}} as {@code ?} and {@code ${…}} as a property value or dynamic part. */
  private static void substitute(String text, Map<String, String> properties, Text out) {
    // A text node is one piece: MyBatis joins pieces with a space, but not the inside of one.
    out.separate();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      boolean token = (c == '#' || c == '$') && i + 1 < text.length() && text.charAt(i + 1) == '{';
      int close = token ? text.indexOf('}', i + 2) : -1;
      if (close < 0) {
        literal.append(c);
        i++;
        continue;
      }
      String name = text.substring(i + 2, close).strip();
      if (c == '#') {
        literal.append('?');
      } else if (properties.containsKey(name)) {
        literal.append(properties.get(name));
      } else if (qualifies(text, close + 1, literal)) {
        // ${schema}.users: the table is users in a schema chosen at run time.
        out.partial = true;
        close++;
      } else {
        out.glued(literal.toString());
        literal.setLength(0);
        out.dynamic();
      }
      i = close + 1;
    }
    out.glued(literal.toString());
  }

  /**
   * True when the {@code ${…}} ending before {@code after} is a qualifier: a dot and a name follow,
   * and it starts a name (nothing name-like is glued before it).
   */
  private static boolean qualifies(String text, int after, StringBuilder before) {
    boolean dotThenName =
        after + 1 < text.length()
            && text.charAt(after) == '.'
            && (Character.isLetter(text.charAt(after + 1)) || text.charAt(after + 1) == '_');
    if (!dotThenName) {
      return false;
    }
    if (before.length() == 0) {
      return true;
    }
    char previous = before.charAt(before.length() - 1);
    return !Character.isLetterOrDigit(previous) && previous != '_' && previous != '.';
  }

  /**
   * SQL being rendered: literal runs and dynamic parts, pieces joined by spaces as MyBatis does.
   */
  static final class Text {
    private final List<StringTemplate.Part> parts = new ArrayList<>();
    private boolean separate;
    private boolean partial;

    /** Starts a new piece: whatever comes next is set off by a space. */
    void separate() {
      separate = true;
    }

    /** A piece of its own. */
    void literal(String text) {
      separate();
      glued(text);
    }

    /** Text that continues the current piece. */
    void glued(String text) {
      if (text.isEmpty()) {
        return;
      }
      String piece = separate ? " " + text : text;
      separate = false;
      int last = parts.size() - 1;
      if (last >= 0 && parts.get(last) instanceof StringTemplate.Literal previous) {
        parts.set(last, new StringTemplate.Literal(previous.text() + piece));
      } else {
        parts.add(new StringTemplate.Literal(piece));
      }
    }

    /** A part only known at run time, continuing the current piece. */
    void dynamic() {
      if (separate) {
        glued(" ");
      }
      parts.add(new StringTemplate.Dynamic());
    }

    /** Another rendering as a piece of its own. */
    void append(Text other) {
      separate();
      partial |= other.partial;
      for (StringTemplate.Part part : other.parts) {
        if (part instanceof StringTemplate.Literal literal) {
          glued(literal.text());
        } else {
          dynamic();
        }
      }
    }

    boolean isBlank() {
      return parts.stream()
          .allMatch(p -> p instanceof StringTemplate.Literal l && l.text().isBlank());
    }

    /** Drops one of {@code tokens} (upper case) from the start of the first literal. */
    void stripLeading(List<String> tokens) {
      if (parts.isEmpty() || !(parts.get(0) instanceof StringTemplate.Literal first)) {
        return;
      }
      String text = first.text().stripLeading();
      for (String token : tokens) {
        if (startsWithToken(text, token)) {
          parts.set(0, new StringTemplate.Literal(" " + text.substring(token.length())));
          return;
        }
      }
    }

    /** Drops one of {@code tokens} (upper case) from the end of the last literal. */
    void stripTrailing(List<String> tokens) {
      int last = parts.size() - 1;
      if (last < 0 || !(parts.get(last) instanceof StringTemplate.Literal end)) {
        return;
      }
      String text = end.text().stripTrailing();
      for (String token : tokens) {
        if (text.toUpperCase(Locale.ROOT).endsWith(token)) {
          parts.set(
              last, new StringTemplate.Literal(text.substring(0, text.length() - token.length())));
          return;
        }
      }
    }

    /** {@code token} at the start of {@code text}, as a whole word when it is one. */
    private static boolean startsWithToken(String text, String token) {
      if (!text.toUpperCase(Locale.ROOT).startsWith(token)) {
        return false;
      }
      boolean word = Character.isLetter(token.charAt(token.length() - 1));
      return !word
          || text.length() == token.length()
          || !Character.isLetterOrDigit(text.charAt(token.length()))
              && text.charAt(token.length()) != '_';
    }

    StringTemplate template() {
      return new StringTemplate(parts);
    }
  }
}
