package dev.blastradius.lang.sql;

import dev.blastradius.change.CreateView;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the rest of {@code CREATE [OR REPLACE] [MATERIALIZED] VIEW name [(columns)] [WITH (…)] AS
 * query [WITH [CASCADED|LOCAL] CHECK OPTION | WITH [NO] DATA]}.
 */
final class ViewReader {

  private ViewReader() {}

  static CreateView read(
      TokenCursor cursor, DdlContext context, boolean materialized, boolean orReplace) {
    cursor.accept("IF", "NOT", "EXISTS");
    TableRef view = context.table(cursor.qualifiedName());
    List<String> declared = List.of();
    if (cursor.peek() != null && cursor.peek().type() == SqlLexer.LPAREN) {
      declared = context.columnList(cursor.group());
    }
    while (!cursor.atEnd() && !cursor.peekWords("AS")) {
      if (cursor.peek().type() == SqlLexer.LPAREN) {
        cursor.group();
      } else {
        cursor.next(); // WITH (options), TABLESPACE, USING
      }
    }
    cursor.expect("AS");
    List<SqlToken> query = cursor.rest();
    int end = query.size();
    for (int i = 0; i + 1 < query.size(); i++) {
      SqlToken next = query.get(i + 1);
      if (query.get(i).isWord("WITH")
          && (next.isWord("DATA")
              || next.isWord("NO")
              || next.isWord("CHECK")
              || next.isWord("CASCADED")
              || next.isWord("LOCAL"))) {
        end = i;
        break;
      }
    }
    String text = TokenCursor.raw(query.subList(0, end));
    QueryShape shape =
        context.queryShapes().of(text).orElse(new QueryShape(List.of(), Map.of(), List.of()));
    List<String> columns = declared.isEmpty() ? shape.columns() : declared;
    Map<String, List<ColumnRef>> sources = new LinkedHashMap<>();
    for (int i = 0; i < columns.size() && i < shape.columns().size(); i++) {
      // Declared names rename the query's columns by position.
      sources.put(columns.get(i), shape.sources().getOrDefault(shape.columns().get(i), List.of()));
    }
    return new CreateView(view, columns, sources, shape.filters(), materialized, orReplace, text);
  }
}
