package dev.blastradius.lang.migrations;

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
 * Reads an XML changelog into {@link ChangelogElement}s with the JDK's StAX parser. The parser
 * reports where each event ends; an element starts at the {@code <} before the end of its start tag
 * (attribute values cannot hold a literal {@code <}), and a text piece starts where the event
 * before it ended. Text is laid out at those positions, so SQL in {@code <sql>} keeps its lines
 * even around comments and CDATA sections. DTDs and external entities are not loaded.
 */
final class ChangelogXmlParser {

  private static final String CDATA_START = "<![CDATA[";

  /** Changelogs nest a few levels; much deeper input is hostile and would exhaust the stack. */
  static final int MAX_DEPTH = 200;

  private final String xml;
  private final int[] lineStarts;

  private ChangelogXmlParser(String xml) {
    this.xml = xml;
    this.lineStarts = StaxText.lineStarts(xml);
  }

  /**
   * The root element of {@code xml}. Throws {@link IllegalArgumentException} with the line for XML
   * that is not well-formed.
   */
  static ChangelogElement parse(String xml) {
    return new ChangelogXmlParser(xml).read();
  }

  /** One element being read: what it has collected so far. */
  private static final class Open {
    final String name;
    final int line;
    final Map<String, TextValue> attributes = new LinkedHashMap<>();
    final List<ChangelogElement> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    final TextValue.Layout layout = new TextValue.Layout();
    int textLine;

    Open(String name, int line) {
      this.name = name;
      this.line = line;
    }

    ChangelogElement close() {
      TextValue value =
          text.toString().isBlank()
              ? null
              : new TextValue(text.toString(), textLine, layout.toString());
      return new ChangelogElement(name, line, attributes, children, value);
    }
  }

  private ChangelogElement read() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    XMLStreamReader reader = null;
    try {
      reader = factory.createXMLStreamReader(new StringReader(xml));
      Deque<Open> open = new ArrayDeque<>();
      ChangelogElement root = null;
      int previousEnd = offset(reader.getLocation());
      while (reader.hasNext()) {
        int event = reader.next();
        int end = offset(reader.getLocation());
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> {
            if (open.size() >= MAX_DEPTH) {
              throw new IllegalArgumentException(
                  "elements nested deeper than " + MAX_DEPTH + " levels: not a changelog we read");
            }
            open.push(start(reader, end));
          }
          case XMLStreamConstants.END_ELEMENT -> {
            ChangelogElement element = open.pop().close();
            if (open.isEmpty()) {
              root = element;
            } else {
              open.peek().children.add(element);
            }
          }
          case XMLStreamConstants.CHARACTERS,
              XMLStreamConstants.CDATA,
              XMLStreamConstants.SPACE -> {
            if (!open.isEmpty()) {
              text(open.peek(), reader.getText(), previousEnd);
            }
          }
          default -> {
            // Comments, processing instructions and the document end carry no changelog content.
          }
        }
        previousEnd = end;
      }
      if (root == null) {
        throw new IllegalArgumentException("no root element");
      }
      return root;
    } catch (XMLStreamException e) {
      Location at = e.getLocation();
      String line = at == null || at.getLineNumber() < 1 ? "" : " at line " + at.getLineNumber();
      throw new IllegalArgumentException(
          "not well-formed XML" + line + ": " + StaxText.reason(e.getMessage()));
    } finally {
      StaxText.close(reader);
    }
  }

  private Open start(XMLStreamReader reader, int tagEnd) {
    int tagStart = xml.lastIndexOf('<', Math.max(0, tagEnd - 1));
    Open element =
        new Open(reader.getLocalName(), StaxText.lineOf(lineStarts, Math.max(0, tagStart)));
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      element.attributes.put(
          reader.getAttributeLocalName(i),
          TextValue.atLine(reader.getAttributeValue(i), element.line));
    }
    return element;
  }

  /** Adds a text piece that starts where the previous event ended (after {@code <![CDATA[}). */
  private void text(Open element, String piece, int start) {
    int at = xml.startsWith(CDATA_START, start) ? start + CDATA_START.length() : start;
    int line = StaxText.lineOf(lineStarts, at);
    int column = at - lineStarts[line - 1] + 1;
    if (element.text.toString().isBlank() && !piece.isBlank()) {
      int firstVisible = 0;
      while (Character.isWhitespace(piece.charAt(firstVisible))) {
        firstVisible++;
      }
      element.textLine =
          line + (int) piece.substring(0, firstVisible).chars().filter(c -> c == '\n').count();
    }
    element.text.append(piece);
    element.layout.append(line, column, piece);
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
