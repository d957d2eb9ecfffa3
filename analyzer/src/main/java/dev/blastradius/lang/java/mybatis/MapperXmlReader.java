package dev.blastradius.lang.java.mybatis;

import dev.blastradius.lang.StaxText;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a MyBatis mapper (or a {@code <script>} from an annotation) into {@link XmlNode}s with the
 * JDK's StAX parser. The DOCTYPE every mapper carries is neither fetched nor processed, and no
 * external entity is resolved. StAX reports where each event ends; an element starts at the last
 * {@code <} before the end of its start tag, since attribute values cannot hold a literal {@code
 * <}.
 */
final class MapperXmlReader {

  /** Mappers nest a few levels; much deeper input is hostile and would exhaust the stack. */
  static final int MAX_DEPTH = 100;

  private final String xml;
  private final int[] lineStarts;

  private MapperXmlReader(String xml) {
    this.xml = xml;
    this.lineStarts = StaxText.lineStarts(xml);
  }

  /** XML that is not well-formed, or nested deeper than we read. */
  static final class NotWellFormed extends IllegalArgumentException {
    private final int line;

    NotWellFormed(String message, int line) {
      super(message);
      this.line = line;
    }

    /** The 1-based line of the error, 0 when unknown. */
    int line() {
      return line;
    }
  }

  /** The root element of {@code xml}; throws {@link NotWellFormed} when it is not well-formed. */
  static XmlNode.Element read(String xml) {
    return new MapperXmlReader(xml).read();
  }

  /** An element being read. */
  private static final class Open {
    final String name;
    final int line;
    final int column;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<XmlNode> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();

    Open(String name, int line, int column) {
      this.name = name;
      this.line = line;
      this.column = column;
    }

    /** Ends a run of character data (text, CDATA and entities arrive in pieces). */
    void flushText() {
      if (!text.isEmpty()) {
        children.add(new XmlNode.Text(text.toString()));
        text.setLength(0);
      }
    }
  }

  private XmlNode.Element read() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    XMLStreamReader reader = null;
    try {
      reader = factory.createXMLStreamReader(new StringReader(xml));
      Deque<Open> open = new ArrayDeque<>();
      XmlNode.Element root = null;
      while (reader.hasNext()) {
        int event = reader.next();
        int end = offset(reader.getLocation());
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> {
            if (open.size() >= MAX_DEPTH) {
              throw new NotWellFormed(
                  "elements nested deeper than " + MAX_DEPTH + " levels",
                  StaxText.lineOf(lineStarts, end));
            }
            if (!open.isEmpty()) {
              open.peek().flushText();
            }
            open.push(start(reader, end));
          }
          case XMLStreamConstants.END_ELEMENT -> {
            Open closing = open.pop();
            closing.flushText();
            int line = StaxText.lineOf(lineStarts, end);
            XmlNode.Element element =
                new XmlNode.Element(
                    closing.name,
                    closing.attributes,
                    closing.children,
                    closing.line,
                    closing.column,
                    Math.max(line, closing.line),
                    end - lineStarts[line - 1] + 1);
            if (open.isEmpty()) {
              root = element;
            } else {
              open.peek().children.add(element);
            }
          }
          case XMLStreamConstants.CHARACTERS,
              XMLStreamConstants.CDATA,
              XMLStreamConstants.SPACE,
              XMLStreamConstants.ENTITY_REFERENCE -> {
            if (!open.isEmpty()) {
              open.peek().text.append(reader.getText());
            }
          }
          default -> {
            // Comments, processing instructions and the DOCTYPE carry no SQL.
          }
        }
      }
      if (root == null) {
        throw new NotWellFormed("no root element", 0);
      }
      return root;
    } catch (XMLStreamException e) {
      Location at = e.getLocation();
      int line = at == null ? 0 : Math.max(0, at.getLineNumber());
      throw new NotWellFormed("not well-formed XML: " + StaxText.reason(e.getMessage()), line);
    } finally {
      StaxText.close(reader);
    }
  }

  private Open start(XMLStreamReader reader, int tagEnd) {
    int tagStart = Math.max(0, xml.lastIndexOf('<', Math.max(0, tagEnd - 1)));
    int line = StaxText.lineOf(lineStarts, tagStart);
    Open element = new Open(reader.getLocalName(), line, tagStart - lineStarts[line - 1] + 1);
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      element.attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
    }
    return element;
  }

  /** The offset of a StAX location (1-based line, 1-based column of the next character). */
  private int offset(Location location) {
    int line = location.getLineNumber();
    if (line < 1) {
      return xml.length();
    }
    int lineStart = lineStarts[Math.min(line, lineStarts.length) - 1];
    return Math.min(xml.length(), lineStart + Math.max(0, location.getColumnNumber() - 1));
  }
}
