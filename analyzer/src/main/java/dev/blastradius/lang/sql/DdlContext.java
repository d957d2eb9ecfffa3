package dev.blastradius.lang.sql;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.Identifiers;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the DDL readers share: identifier rules, the catalog as it stands before the statement, a
 * way to learn a query's shape (for views and CREATE TABLE AS), and whether the SQL is known to run
 * on SQLite or libSQL (which accepts libSQL's {@code ALTER COLUMN c TO c definition}).
 */
record DdlContext(Identifiers ids, Catalog catalog, QueryShapes queryShapes, boolean sqlite) {

  DdlContext(Identifiers ids, Catalog catalog, QueryShapes queryShapes) {
    this(ids, catalog, queryShapes, false);
  }

  /** The shape of a query, when it can be parsed. */
  interface QueryShapes {
    Optional<QueryShape> of(String query);
  }

  /** A table from a dotted name as written. */
  TableRef table(List<String> parts) {
    return ids.table(parts);
  }

  /** One normalised identifier. */
  String name(String raw) {
    return ids.normalize(raw);
  }

  /** The first identifier of each comma-separated part: {@code (a, b DESC)} → a, b. */
  List<String> columnList(List<SqlToken> group) {
    List<String> names = new ArrayList<>();
    for (List<SqlToken> part : TokenCursor.splitCommas(group)) {
      TokenCursor cursor = new TokenCursor(part);
      if (cursor.atIdentifier()) {
        names.add(name(cursor.identifier()));
      }
    }
    return names;
  }

  /**
   * The columns of {@code table} that {@code tokens} name, for expressions (index expressions,
   * CHECK bodies): identifiers the catalog proves are columns, or every bare identifier when the
   * catalog does not know the table.
   */
  List<String> columnsNamedIn(List<SqlToken> tokens, TableRef table) {
    boolean known = catalog.table(table).isPresent();
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      boolean identifier = token.type() == SqlLexer.WORD || token.type() == SqlLexer.QUOTED_IDENT;
      boolean call = i + 1 < tokens.size() && tokens.get(i + 1).type() == SqlLexer.LPAREN;
      if (!identifier || call) {
        continue;
      }
      String name = name(token.text());
      if (known ? catalog.hasColumn(table, name) : token.type() == SqlLexer.QUOTED_IDENT) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }
}
