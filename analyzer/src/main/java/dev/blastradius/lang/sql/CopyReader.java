package dev.blastradius.lang.sql;

import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;
import java.util.Optional;

/**
 * {@code COPY table [(columns)] FROM …} writes the columns, {@code COPY table [(columns)] TO …}
 * reads them, and {@code COPY (query) TO …} reads what the query reads. JSqlParser has no COPY, so
 * this reads the tokens and hands an inner query back to the parser.
 */
final class CopyReader {

  /** Parses and walks an inner query. */
  interface QueryUses {
    Optional<List<ColumnUse>> of(String query);
  }

  private CopyReader() {}

  /** The uses of a COPY statement, or empty when it is not one we can read. */
  static Optional<List<ColumnUse>> read(
      List<SqlToken> tokens, DdlContext context, QueryUses queries) {
    TokenCursor cursor = new TokenCursor(tokens);
    if (!cursor.accept("COPY")) {
      return Optional.empty();
    }
    try {
      if (cursor.peek() != null && cursor.peek().type() == SqlLexer.LPAREN) {
        return queries.of(TokenCursor.raw(cursor.group()));
      }
      TableRef table = context.table(cursor.qualifiedName());
      List<String> columns = List.of();
      if (cursor.peek() != null && cursor.peek().type() == SqlLexer.LPAREN) {
        columns = context.columnList(cursor.group());
      }
      AccessKind kind;
      if (cursor.accept("FROM")) {
        kind = AccessKind.WRITE;
      } else if (cursor.accept("TO")) {
        kind = AccessKind.READ;
      } else {
        return Optional.empty();
      }
      ColumnUses uses = new ColumnUses();
      if (!columns.isEmpty()) {
        columns.forEach(c -> uses.add(table.column(c), kind, Confidence.CERTAIN, false));
      } else {
        var known = context.catalog().table(table);
        if (known.isPresent() && !known.get().columns().isEmpty()) {
          known
              .get()
              .columns()
              .forEach(c -> uses.add(table.column(c.name()), kind, Confidence.LIKELY, true));
        } else {
          uses.add(table.column(ColumnRef.TABLE_LEVEL), kind, Confidence.LIKELY, true);
        }
      }
      return Optional.of(uses.toList());
    } catch (TokenCursor.NotUnderstood e) {
      return Optional.empty();
    }
  }
}
