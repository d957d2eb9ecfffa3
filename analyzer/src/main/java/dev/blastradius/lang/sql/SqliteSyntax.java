package dev.blastradius.lang.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SQLite and libSQL statements JSqlParser does not know, read from our tokens. They are only
 * accepted where the SQL is known to run on SQLite (a Drizzle journal whose dialect is {@code
 * sqlite} or {@code turso}); elsewhere they stay problems.
 *
 * <ul>
 *   <li>{@code PRAGMA name [= value | (value)]}: a pragma from {@link #HARMLESS_PRAGMAS} touches no
 *       column and is recorded as nothing. Any other pragma stays a problem: {@code
 *       writable_schema} lets the migration edit {@code sqlite_schema} directly, and pragmas we
 *       have not looked at may change how the schema or its data are read.
 *   <li>{@code INSERT OR IGNORE|REPLACE|ABORT|FAIL|ROLLBACK INTO …}: the plain INSERT once the
 *       conflict clause is blanked out.
 * </ul>
 */
final class SqliteSyntax {

  /**
   * Pragmas that change no schema and no row: foreign-key enforcement and checks (Drizzle wraps
   * every table rebuild in {@code foreign_keys=OFF … ON}), journal and locking settings, and
   * read-only reports.
   */
  private static final Set<String> HARMLESS_PRAGMAS =
      Set.of(
          "FOREIGN_KEYS",
          "DEFER_FOREIGN_KEYS",
          "FOREIGN_KEY_CHECK",
          "LEGACY_ALTER_TABLE",
          "INTEGRITY_CHECK",
          "QUICK_CHECK",
          "JOURNAL_MODE",
          "SYNCHRONOUS",
          "BUSY_TIMEOUT",
          "CACHE_SIZE",
          "TEMP_STORE",
          "OPTIMIZE",
          "TABLE_INFO",
          "TABLE_XINFO",
          "INDEX_LIST",
          "INDEX_INFO",
          "FOREIGN_KEY_LIST");

  /** The conflict resolutions of {@code INSERT OR …}. */
  private static final Set<String> CONFLICT_RESOLUTIONS =
      Set.of("IGNORE", "REPLACE", "ABORT", "FAIL", "ROLLBACK");

  private SqliteSyntax() {}

  /** What a PRAGMA statement means to us. */
  enum Pragma {
    /** Not a PRAGMA. */
    NONE,
    /** A pragma that touches no column. */
    HARMLESS,
    /** A pragma we do not know to be harmless. */
    UNKNOWN
  }

  /** Whether {@code tokens} is a PRAGMA, and whether we know it touches nothing. */
  static Pragma pragma(List<SqlToken> tokens) {
    if (tokens.isEmpty() || !tokens.get(0).isWord("PRAGMA")) {
      return Pragma.NONE;
    }
    TokenCursor cursor = new TokenCursor(tokens.subList(1, tokens.size()));
    if (!cursor.atIdentifier()) {
      return Pragma.UNKNOWN;
    }
    List<String> name = cursor.qualifiedName(); // schema.pragma
    String pragma = name.get(name.size() - 1).toUpperCase(java.util.Locale.ROOT);
    return HARMLESS_PRAGMAS.contains(pragma) ? Pragma.HARMLESS : Pragma.UNKNOWN;
  }

  /** The name of the pragma, for messages; empty when there is none. */
  static String pragmaName(List<SqlToken> tokens) {
    return tokens.size() > 1 ? tokens.get(1).text() : "";
  }

  /**
   * An INSERT with its SQLite conflict clause: the resolution ({@code REPLACE}, …) and the same
   * statement without it, laid out like the original (the clause is blanked with spaces, so every
   * other token keeps its line and column).
   */
  record ConflictInsert(String resolution, SqlStatementText plain) {}

  /**
   * {@code INSERT OR <resolution> INTO …}; empty for any other statement ({@code REPLACE INTO},
   * which MySQL shares, is left to the parser).
   */
  static Optional<ConflictInsert> conflictInsert(SqlStatementText text) {
    List<SqlToken> tokens = text.tokens();
    if (tokens.size() < 4
        || !tokens.get(0).isWord("INSERT")
        || !tokens.get(1).isWord("OR")
        || tokens.get(2).type() != SqlLexer.WORD
        || !CONFLICT_RESOLUTIONS.contains(tokens.get(2).upper())
        || !tokens.get(3).isWord("INTO")
        || tokens.get(1).offset() < 0
        || tokens.get(2).offset() < 0) {
      return Optional.empty();
    }
    char[] chars = text.text().toCharArray();
    for (SqlToken clause : tokens.subList(1, 3)) {
      for (int i = 0; i < clause.text().length(); i++) {
        chars[clause.offset() + i] = ' ';
      }
    }
    List<SqlToken> rest = new ArrayList<>(tokens.size() - 2);
    rest.add(tokens.get(0));
    rest.addAll(tokens.subList(3, tokens.size()));
    return Optional.of(
        new ConflictInsert(
            tokens.get(2).upper(),
            new SqlStatementText(
                new String(chars),
                text.startLine(),
                text.startColumn(),
                text.endLine(),
                text.endColumn(),
                rest,
                text.meta(),
                text.lexProblem())));
  }
}
