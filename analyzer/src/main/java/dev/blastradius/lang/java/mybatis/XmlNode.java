package dev.blastradius.lang.java.mybatis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node of a MyBatis mapper document as {@link MapperXmlReader} reads it: elements keep their
 * attributes, their mixed content in document order and the lines they span; text is character data
 * (CDATA included, entities expanded).
 */
sealed interface XmlNode permits XmlNode.Element, XmlNode.Text {

  /** Character data between tags. */
  record Text(String text) implements XmlNode {}

  /**
   * An element.
   *
   * @param name the local name ({@code select}, {@code if})
   * @param attributes attribute values by local name, in document order
   * @param children elements and text in document order
   * @param line the 1-based line of the {@code <} of the start tag
   * @param column the 1-based column of that {@code <}
   * @param endLine the line on which the element ends
   * @param endColumn the column just after its end
   */
  record Element(
      String name,
      Map<String, String> attributes,
      List<XmlNode> children,
      int line,
      int column,
      int endLine,
      int endColumn)
      implements XmlNode {

    public Element {
      attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
      children = List.copyOf(children);
    }

    /** An attribute's value, stripped, or empty when absent or blank. */
    Optional<String> attribute(String key) {
      String value = attributes.get(key);
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The child elements, in document order. */
    List<Element> elements() {
      return children.stream().filter(Element.class::isInstance).map(Element.class::cast).toList();
    }

    // Records compare by value; two identical elements at different places are different nodes
    // for the renderer, so identity is what counts.
    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }
}
