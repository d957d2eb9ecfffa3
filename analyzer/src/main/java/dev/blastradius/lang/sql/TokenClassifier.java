package dev.blastradius.lang.sql;

import dev.blastradius.change.SessionSetting;
import dev.blastradius.change.StatementKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies statements from the splitter's tokens: what kind each is (for rules about
 * transactions, session settings and mixing DDL with data changes), which transaction command or
 * setting it is, and — as the last fallback when JSqlParser cannot parse — whether it touches no
 * table data at all.
 */
final class TokenClassifier {

  /** What the first words say. */
  record Classification(
      StatementKind kind, Optional<String> transactionCommand, Optional<SessionSetting> setting) {}

  private static final Set<String> TRANSACTION =
      Set.of("BEGIN", "START", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE", "ABORT");
  private static final Set<String> DATA_CHANGE =
      Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "REPLACE", "TRUNCATE");
  private static final Set<String> QUERY = Set.of("SELECT", "VALUES", "TABLE", "SHOW", "EXPLAIN");
  private static final Set<String> DDL =
      Set.of(
          "CREATE",
          "ALTER",
          "DROP",
          "RENAME",
          "REINDEX",
          "VACUUM",
          "ANALYZE",
          "ANALYSE",
          "CLUSTER",
          "LOCK",
          "REFRESH",
          "OPTIMIZE");

  /** Statements that access no column: transaction control and session settings. */
  private static final Set<String> NO_ACCESS_LEADERS =
      Set.of(
          "BEGIN",
          "START",
          "COMMIT",
          "END",
          "ROLLBACK",
          "SAVEPOINT",
          "RELEASE",
          "ABORT",
          "SET",
          "RESET",
          "SHOW",
          "LISTEN",
          "NOTIFY",
          "UNLISTEN",
          "DISCARD",
          "DEALLOCATE",
          "UNLOCK",
          "FLUSH",
          "CHECKPOINT");

  private TokenClassifier() {}

  /** True when the statement is known to access no column. */
  static boolean accessesNothing(List<SqlToken> tokens) {
    return !tokens.isEmpty() && NO_ACCESS_LEADERS.contains(tokens.get(0).upper());
  }

  /** The statement's kind, transaction command and setting. */
  static Classification classify(List<SqlToken> tokens) {
    if (tokens.isEmpty()) {
      return new Classification(StatementKind.OTHER, Optional.empty(), Optional.empty());
    }
    String first = tokens.get(0).upper();
    if (TRANSACTION.contains(first)) {
      String command =
          first.equals("START") || first.equals("BEGIN")
              ? "BEGIN"
              : first.equals("END") ? "COMMIT" : first;
      if (first.equals("BEGIN") && tokens.size() > 1 && tokens.get(1).isWord("ATOMIC")) {
        return new Classification(StatementKind.OTHER, Optional.empty(), Optional.empty());
      }
      return new Classification(StatementKind.TRANSACTION, Optional.of(command), Optional.empty());
    }
    if (first.equals("SET") || first.equals("RESET")) {
      return new Classification(StatementKind.SESSION, Optional.empty(), setting(tokens));
    }
    if (DATA_CHANGE.contains(first)) {
      return new Classification(StatementKind.DATA_CHANGE, Optional.empty(), Optional.empty());
    }
    if (first.equals("COPY")) {
      boolean from = tokens.stream().anyMatch(t -> t.isWord("FROM"));
      return new Classification(
          from ? StatementKind.DATA_CHANGE : StatementKind.QUERY,
          Optional.empty(),
          Optional.empty());
    }
    if (first.equals("WITH")) {
      boolean writes =
          tokens.stream()
              .anyMatch(t -> DATA_CHANGE.contains(t.upper()) && t.type() == SqlLexer.WORD);
      return new Classification(
          writes ? StatementKind.DATA_CHANGE : StatementKind.QUERY,
          Optional.empty(),
          Optional.empty());
    }
    if (QUERY.contains(first)) {
      return new Classification(StatementKind.QUERY, Optional.empty(), Optional.empty());
    }
    if (DDL.contains(first)) {
      return new Classification(StatementKind.DDL, Optional.empty(), Optional.empty());
    }
    return new Classification(StatementKind.OTHER, Optional.empty(), Optional.empty());
  }

  /**
   * MySQL's {@code @@name}, {@code @@session.name} and {@code @@local.name}: consumes the prefix
   * and returns true, leaving the cursor at the name.
   */
  private static boolean mysqlSessionVariable(TokenCursor cursor) {
    SqlToken first = cursor.peek();
    SqlToken second = cursor.peek(1);
    if (first == null
        || second == null
        || !first.text().equals("@")
        || !second.text().equals("@")) {
      return false;
    }
    cursor.next();
    cursor.next();
    if ((cursor.peekWords("SESSION") || cursor.peekWords("LOCAL"))
        && cursor.peek(1) != null
        && cursor.peek(1).type() == SqlLexer.DOT) {
      cursor.next();
      cursor.next();
    }
    return true;
  }

  /** {@code SET [SESSION|LOCAL] name {TO|=} value} or {@code RESET name}. */
  private static Optional<SessionSetting> setting(List<SqlToken> tokens) {
    TokenCursor cursor = new TokenCursor(tokens);
    boolean reset = cursor.accept("RESET");
    if (!reset) {
      cursor.expect("SET");
    }
    boolean local = cursor.accept("LOCAL");
    cursor.accept("SESSION");
    if (mysqlSessionVariable(cursor)) {
      local = false;
    }
    if (cursor.atEnd() || !cursor.atIdentifier()) {
      return Optional.empty();
    }
    List<String> name = cursor.qualifiedName();
    String joined = String.join(".", name).toLowerCase(Locale.ROOT);
    if (reset) {
      return Optional.of(new SessionSetting(joined, "", false));
    }
    if (!cursor.accept("TO")) {
      cursor.acceptType(SqlLexer.OTHER);
    }
    List<SqlToken> value = cursor.rest();
    String text = TokenCursor.raw(value);
    if (value.size() == 1 && value.get(0).type() == SqlLexer.STRING) {
      text = DdlReader.unquoteBody(value.get(0));
    }
    return Optional.of(new SessionSetting(joined, text, local));
  }
}
