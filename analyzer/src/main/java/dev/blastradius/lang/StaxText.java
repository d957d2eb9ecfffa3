package dev.blastradius.lang;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What the StAX readers of XML sources share (Liquibase changelogs, MyBatis mappers): offsets to
 * lines, the reason of a StAX error message, and closing a reader over a string.
 */
public final class StaxText {

  private StaxText() {}

  /** The offset where each line of {@code text} starts. */
  public static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The 1-based line of {@code offset}, given the {@link #lineStarts} of its text. */
  public static int lineOf(int[] lineStarts, int offset) {
    int low = 0;
    int high = lineStarts.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low + 1;
  }

  /** StAX messages start with a location line; the reason is the last line. */
  public static String reason(String message) {
    String text = message == null ? "" : message.strip();
    int newline = text.lastIndexOf('\n');
    return newline < 0 ? text : text.substring(newline + 1).strip();
  }

  /** Closes {@code reader} (null allowed); a reader over a string holds nothing else. */
  public static void close(XMLStreamReader reader) {
    if (reader == null) {
      return;
    }
    try {
      reader.close();
    } catch (XMLStreamException e) {
      // Nothing is left to release for a reader over a string.
    }
  }
}
