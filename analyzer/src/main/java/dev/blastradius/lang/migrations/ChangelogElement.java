package dev.blastradius.lang.migrations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a Liquibase changelog, whatever its format: an XML element, or a YAML/JSON key
 * with its value. Scalar keys of a YAML/JSON mapping are attributes; nested mappings and lists are
 * children, so {@code columns: [{column: {…}}]} becomes a {@code columns} child holding {@code
 * column} children, where XML has the {@code column} elements directly ({@link #items} reads both).
 *
 * @param name the element or key name ({@code addColumn}), without a namespace prefix
 * @param line the 1-based line of the start tag or key
 * @param attributes attribute values by name, in document order
 * @param children nested elements in document order
 * @param text the element's text content (XML) or scalar value (YAML/JSON list item), or null
 */
record ChangelogElement(
    String name,
    int line,
    Map<String, TextValue> attributes,
    List<ChangelogElement> children,
    TextValue text) {

  ChangelogElement {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    children = List.copyOf(children);
  }

  /** An attribute's value, or null. */
  String attribute(String key) {
    TextValue value = attributes.get(key);
    return value == null ? null : value.text();
  }

  /** True when the attribute is {@code true} (any case). */
  boolean flag(String key) {
    return "true".equalsIgnoreCase(stripped(key));
  }

  /** True when the attribute is {@code false} (any case); absent is not false. */
  boolean isFalse(String key) {
    return "false".equalsIgnoreCase(stripped(key));
  }

  /** The attribute without surrounding blanks, or null when absent or blank. */
  String stripped(String key) {
    String value = attribute(key);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * A value given either as an attribute or as a child element's text ({@code where}, {@code
   * selectQuery}, {@code sql} are written both ways).
   */
  TextValue value(String key) {
    TextValue attribute = attributes.get(key);
    if (attribute != null) {
      return attribute;
    }
    return child(key).map(ChangelogElement::text).orElse(null);
  }

  /** The first child with that name. */
  Optional<ChangelogElement> child(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).findFirst();
  }

  /** Every child with that name. */
  List<ChangelogElement> children(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).toList();
  }

  /**
   * The {@code item} elements directly inside this one (XML) or inside its {@code wrapper} child
   * (YAML/JSON lists), in document order.
   */
  List<ChangelogElement> items(String wrapper, String item) {
    List<ChangelogElement> found = new ArrayList<>();
    for (ChangelogElement child : children) {
      if (child.name.equals(item)) {
        found.add(child);
      } else if (child.name.equals(wrapper)) {
        found.addAll(child.children(item));
      }
    }
    return found;
  }

  /**
   * A stable one-line text of the element (name, attributes and nested items), used as the
   * statement of a declared change for snippets and fingerprints.
   */
  String summary() {
    StringBuilder out = new StringBuilder(name);
    attributes.forEach(
        (key, value) -> out.append(' ').append(key).append('=').append(value.text()));
    if (text != null && !text.text().isBlank()) {
      out.append(' ').append(text.text().strip());
    }
    for (ChangelogElement child : children) {
      out.append(" (").append(child.summary()).append(')');
    }
    return out.toString();
  }
}
