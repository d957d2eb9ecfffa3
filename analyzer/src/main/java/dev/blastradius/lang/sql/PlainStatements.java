package dev.blastradius.lang.sql;

import dev.blastradius.schema.SqlDialect;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;

/**
 * Statements whose JSqlParser tree adds nothing to what our own readers find: transaction commands,
 * session settings, COMMENT ON, and the schema changes migrations are mostly made of — ALTER TABLE
 * with one action (ADD COLUMN with a type and column constraints, ADD CONSTRAINT for a foreign key,
 * UNIQUE, PRIMARY KEY or CHECK, DROP COLUMN/CONSTRAINT, RENAME COLUMN, ALTER COLUMN SET/DROP NOT
 * NULL and defaults, column types, VALIDATE CONSTRAINT), CREATE [UNIQUE] INDEX and CREATE TABLE
 * with column definitions. The column walker reads nothing from the trees of these statements, so
 * the only thing JSqlParser decides for them is whether they parse; for these shapes it does, and
 * the SQL frontend skips it, which costs more than all the rest of the analysis of a statement.
 *
 * <p>A strict recursive-descent reader over our tokens: it accepts only when every token of the
 * statement is consumed by one of the productions below, every name is a plain word that is not a
 * JSqlParser keyword (reserved or not), types come from a short list, and expressions are literals
 * or {@code name IS [NOT] NULL} / {@code name op literal}; anything else is declined and parsed as
 * before, so a syntax error is still JSqlParser's to report. Postgres-only syntax (CONCURRENTLY,
 * NOT VALID, identity columns, {@code ::} casts) is accepted for Postgres only. {@code
 * PlainStatementsTest} checks, on the SQL corpus and the benchmark corpus in both dialects, that
 * the analysis is the same either way, and that JSqlParser parses every example it accepts.
 */
final class PlainStatements extends PlainReader {

  /** Every word JSqlParser's lexer knows as a keyword, upper case. */
  static final Set<String> KEYWORDS = keywords();

  /**
   * Common column names that are keywords to JSqlParser's lexer but non-reserved ones, which its
   * grammar takes as names. {@code PlainStatementsTest} checks each is non-reserved and parses in
   * every position this reader accepts a name in, in both dialects — except after DROP CONSTRAINT,
   * where JSqlParser rejects them (and where {@link #strictName} takes none). Others, such as
   * ACTIVE, LEVEL, COUNT or PATH, fail after DROP COLUMN or RENAME COLUMN, so they are not here.
   */
  static final Set<String> NAME_KEYWORDS = Set.of("NAME", "TYPE", "VERSION", "DATA");

  /** Column types read as a single word. */
  private static final Set<String> TYPES =
      Set.of(
          "TEXT",
          "BIGINT",
          "INTEGER",
          "INT",
          "SMALLINT",
          "BOOLEAN",
          "JSONB",
          "JSON",
          "UUID",
          "TIMESTAMPTZ",
          "TIMESTAMP",
          "DATE",
          "BYTEA");

  /** Column types that take a length or precision: {@code varchar(64)}, {@code numeric(12, 2)}. */
  private static final Set<String> SIZED_TYPES = Set.of("VARCHAR", "NUMERIC", "DECIMAL");

  private PlainStatements(List<SqlToken> tokens, SqlDialect dialect) {
    super(tokens, dialect);
  }

  /**
   * True for the transaction starts JSqlParser rejects in both dialects ({@code BEGIN [WORK |
   * TRANSACTION]}, {@code START TRANSACTION}): they fall back to the token classifier, which finds
   * they access nothing, so asking JSqlParser first (twice, the second time building its error
   * message) changes nothing. {@code PlainStatementsTest} checks that it rejects each of them.
   */
  static boolean rejectedByParser(List<SqlToken> tokens) {
    if (tokens.size() == 1) {
      return tokens.get(0).isWord("BEGIN");
    }
    return tokens.size() == 2
        && ((tokens.get(0).isWord("BEGIN")
                && (tokens.get(1).isWord("WORK") || tokens.get(1).isWord("TRANSACTION")))
            || (tokens.get(0).isWord("START") && tokens.get(1).isWord("TRANSACTION")));
  }

  /** True when the statement is one of the plain shapes, every token consumed. */
  static boolean accepts(List<SqlToken> tokens, SqlDialect dialect) {
    if (tokens.isEmpty() || tokens.size() > MAX_TOKENS) {
      return false;
    }
    PlainStatements reader = new PlainStatements(tokens, dialect);
    return reader.statement() && reader.at == tokens.size();
  }

  private boolean statement() {
    if (word("COMMIT") || word("ROLLBACK")) {
      return true;
    }
    if (word("RESET")) {
      return name();
    }
    if (word("SET")) {
      return setting();
    }
    if (word("ALTER")) {
      return word("TABLE") && qualifiedName() && alterTable();
    }
    if (word("COMMENT")) {
      return word("ON") && comment();
    }
    if (word("CREATE")) {
      if (word("TABLE")) {
        return createTable();
      }
      word("UNIQUE");
      return word("INDEX") && createIndex();
    }
    return false;
  }

  /** {@code SET [SESSION] name = value}, one literal, word or DEFAULT. */
  private boolean setting() {
    word("SESSION");
    if (!name()) {
      return false;
    }
    if (!symbol("=")) { // JSqlParser rejects some SET … TO
      return false;
    }
    return literal() || name() || word("DEFAULT");
  }

  private boolean alterTable() {
    if (word("ADD")) {
      if (word("CONSTRAINT")) {
        return name() && tableConstraint() && notValid();
      }
      return word("COLUMN") && ifNotExists() && columnDefinition();
    }
    if (word("DROP")) {
      if (word("CONSTRAINT")) {
        return ifExists() && strictName();
      }
      return word("COLUMN") && ifExists() && name();
    }
    if (word("RENAME")) {
      return word("COLUMN") && name() && word("TO") && name();
    }
    if (word("VALIDATE")) {
      return word("CONSTRAINT") && name();
    }
    if (!postgres && word("MODIFY")) {
      word("COLUMN");
      return columnDefinition();
    }
    if (word("ALTER")) {
      return word("COLUMN") && name() && alterColumn();
    }
    return false;
  }

  /** The action of ALTER COLUMN: nullability, default, or (Postgres) a new type. */
  private boolean alterColumn() {
    if (word("SET")) {
      if (word("DEFAULT")) {
        return defaultValue();
      }
      if (word("NOT")) {
        return word("NULL");
      }
      return false; // JSqlParser rejects SET DATA TYPE
    }
    if (word("DROP")) {
      return (word("NOT") && word("NULL")) || word("DEFAULT");
    }
    return postgres && word("TYPE") && type();
  }

  /** {@code COMMENT ON TABLE t IS '…'} or {@code COMMENT ON COLUMN t.c IS '…'}. */
  private boolean comment() {
    if (word("TABLE")) {
      if (!qualifiedName()) {
        return false;
      }
    } else if (word("COLUMN")) {
      if (!name() || !dot() || !name()) {
        return false;
      }
      if (dot() && !name()) {
        return false;
      }
    } else {
      return false;
    }
    return word("IS") && string();
  }

  /** After CREATE TABLE: {@code [IF NOT EXISTS] t (element, …)}, nothing after. */
  private boolean createTable() {
    if (!ifNotExists() || !qualifiedName() || !type(SqlLexer.LPAREN)) {
      return false;
    }
    do {
      // A table constraint starts with a keyword, which is never a plain column name.
      boolean constraint =
          peekWord(0, "CONSTRAINT")
              || peekWord(0, "FOREIGN")
              || peekWord(0, "PRIMARY")
              || peekWord(0, "UNIQUE")
              || peekWord(0, "CHECK");
      boolean element =
          !constraint
              ? columnDefinition()
              : word("CONSTRAINT") ? name() && tableConstraint() : tableConstraint();
      if (!element) {
        return false;
      }
    } while (type(SqlLexer.COMMA));
    return type(SqlLexer.RPAREN);
  }

  /**
   * After CREATE [UNIQUE] INDEX: {@code [CONCURRENTLY] [IF NOT EXISTS] name ON [ONLY] t [USING
   * btree] (column [ASC|DESC], …) [INCLUDE (…)] [WHERE predicate]}.
   */
  private boolean createIndex() {
    if (postgres) {
      word("CONCURRENTLY");
    }
    if (!ifNotExists() || !name() || !word("ON")) {
      return false;
    }
    if (postgres) {
      word("ONLY");
    }
    if (!qualifiedName()) {
      return false;
    }
    if (postgres && word("USING") && !word("BTREE")) {
      return false;
    }
    if (!type(SqlLexer.LPAREN)) {
      return false;
    }
    do {
      if (!name()) {
        return false;
      }
      if (!word("ASC")) {
        word("DESC");
      }
    } while (type(SqlLexer.COMMA));
    if (!type(SqlLexer.RPAREN)) {
      return false;
    }
    if (postgres && word("INCLUDE") && !names()) {
      return false;
    }
    return !postgres || !word("WHERE") || predicate();
  }

  /** {@code name type constraint…}. */
  private boolean columnDefinition() {
    if (!name() || !type()) {
      return false;
    }
    while (at < tokens.size() && tokens.get(at).type() == SqlLexer.WORD) {
      if (!columnConstraint()) {
        return false;
      }
    }
    return true;
  }

  private boolean columnConstraint() {
    if (word("NOT")) {
      return word("NULL");
    }
    if (word("NULL") || word("UNIQUE")) {
      return true;
    }
    if (word("PRIMARY")) {
      return word("KEY");
    }
    if (word("DEFAULT")) {
      return defaultValue();
    }
    if (word("REFERENCES")) {
      return qualifiedName() && (!peekType(SqlLexer.LPAREN) || names()) && onDelete();
    }
    if (word("CHECK")) {
      return type(SqlLexer.LPAREN) && predicate() && type(SqlLexer.RPAREN);
    }
    return postgres && word("GENERATED") && word("ALWAYS") && word("AS") && word("IDENTITY");
  }

  /** FOREIGN KEY, UNIQUE, PRIMARY KEY or CHECK, after ADD CONSTRAINT name or in CREATE TABLE. */
  private boolean tableConstraint() {
    if (word("FOREIGN")) {
      return word("KEY")
          && names()
          && word("REFERENCES")
          && qualifiedName()
          && names()
          && onDelete();
    }
    if (word("PRIMARY")) {
      return word("KEY") && names();
    }
    if (word("UNIQUE")) {
      return names();
    }
    if (word("CHECK")) {
      return type(SqlLexer.LPAREN) && predicate() && type(SqlLexer.RPAREN);
    }
    return false;
  }

  /** {@code [ON DELETE CASCADE | RESTRICT | SET NULL]}. */
  private boolean onDelete() {
    if (!word("ON")) {
      return true;
    }
    return word("DELETE") && (word("CASCADE") || word("RESTRICT") || (word("SET") && word("NULL")));
  }

  private boolean notValid() {
    if (postgres && word("NOT")) {
      return word("VALID");
    }
    return true;
  }

  /** {@code name IS [NOT] NULL} or {@code name op literal}. */
  private boolean predicate() {
    if (!name()) {
      return false;
    }
    if (word("IS")) {
      word("NOT");
      return word("NULL");
    }
    return comparison() && literal();
  }

  /** One of {@code = <> < <= > >=}, its characters adjacent. */
  private boolean comparison() {
    if (symbol("=")) {
      return true;
    }
    boolean less = peekSymbol("<");
    if (!less && !peekSymbol(">")) {
      return false;
    }
    at++;
    if (adjacentSymbol("=") || (less && adjacentSymbol(">"))) {
      at++;
    }
    return true;
  }

  /**
   * A literal default: string (Postgres: with a {@code ::type} cast), integer, TRUE, FALSE, now().
   */
  private boolean defaultValue() {
    if (string()) {
      if (postgres && peekSymbol(":")) {
        at++;
        return castType();
      }
      return true;
    }
    if (number() || word("TRUE") || word("FALSE")) {
      return true;
    }
    return postgres && word("NOW") && type(SqlLexer.LPAREN) && type(SqlLexer.RPAREN);
  }

  /** The {@code :type} after a {@code :} (our lexer reads {@code :name} as one parameter token). */
  private boolean castType() {
    if (at >= tokens.size()) {
      return false;
    }
    SqlToken token = tokens.get(at);
    SqlToken colon = tokens.get(at - 1);
    if (token.type() != SqlLexer.PARAM
        || token.offset() != colon.offset() + 1
        || !TYPES.contains(token.text().substring(1).toUpperCase(Locale.ROOT))) {
      return false;
    }
    at++;
    return true;
  }

  /** A type from the lists, with a length or precision for the sized ones. */
  private boolean type() {
    if (at >= tokens.size() || tokens.get(at).type() != SqlLexer.WORD) {
      return false;
    }
    String word = tokens.get(at).text().toUpperCase(Locale.ROOT);
    if (TYPES.contains(word)) {
      at++;
    } else if (SIZED_TYPES.contains(word)) {
      at++;
      if (type(SqlLexer.LPAREN)) {
        if (!number() || (type(SqlLexer.COMMA) && !number()) || !type(SqlLexer.RPAREN)) {
          return false;
        }
      }
    } else {
      return false;
    }
    if (!postgres && (word.equals("BIGINT") || word.equals("INT") || word.equals("INTEGER"))) {
      word("UNSIGNED");
    }
    return true;
  }

  /** {@code (name, …)}. */
  private boolean names() {
    if (!type(SqlLexer.LPAREN)) {
      return false;
    }
    do {
      if (!name()) {
        return false;
      }
    } while (type(SqlLexer.COMMA));
    return type(SqlLexer.RPAREN);
  }

  private boolean ifExists() {
    if (peekWord(0, "IF") && peekWord(1, "EXISTS")) {
      at += 2;
    }
    return true;
  }

  private boolean ifNotExists() {
    if (peekWord(0, "IF")) {
      if (!peekWord(1, "NOT") || !peekWord(2, "EXISTS")) {
        return false;
      }
      at += 3;
    }
    return true;
  }

  private boolean qualifiedName() {
    if (!name()) {
      return false;
    }
    return !dot() || name();
  }

  /** A plain name that is none of JSqlParser's keywords, not even those in NAME_KEYWORDS. */
  private boolean strictName() {
    return at < tokens.size()
        && !KEYWORDS.contains(tokens.get(at).text().toUpperCase(Locale.ROOT))
        && name();
  }

  /** A plain name: a word JSqlParser reads as an identifier, never one of its other keywords. */
  private boolean name() {
    if (at >= tokens.size()) {
      return false;
    }
    SqlToken token = tokens.get(at);
    if (!postgres && token.type() == SqlLexer.BACKTICK_IDENT) {
      return backtickName(token);
    }
    if (token.type() != SqlLexer.WORD || token.text().indexOf('$') >= 0) {
      return false;
    }
    String upper = token.text().toUpperCase(Locale.ROOT);
    if (KEYWORDS.contains(upper) && !NAME_KEYWORDS.contains(upper)) {
      return false;
    }
    at++;
    return true;
  }

  /**
   * A MySQL {@code `name`} of letters, digits and underscores: quoted, a keyword is a name to
   * JSqlParser too.
   */
  private boolean backtickName(SqlToken token) {
    String text = token.text();
    for (int i = 1; i < text.length() - 1; i++) {
      char c = text.charAt(i);
      if (!(c == '_'
          || (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    if (text.length() < 3 || !text.endsWith("`")) {
      return false;
    }
    at++;
    return true;
  }

  private boolean literal() {
    return string() || number();
  }

  /** A plain {@code '…'} string (no prefix, no escape string). */
  private boolean string() {
    if (at < tokens.size()
        && tokens.get(at).type() == SqlLexer.STRING
        && tokens.get(at).text().startsWith("'")
        && tokens.get(at).text().length() > 1) {
      at++;
      return true;
    }
    return false;
  }

  /** An unsigned integer. */
  private boolean number() {
    if (at < tokens.size()
        && tokens.get(at).type() == SqlLexer.NUMBER
        && tokens.get(at).text().chars().allMatch(Character::isDigit)) {
      at++;
      return true;
    }
    return false;
  }

  private boolean dot() {
    return type(SqlLexer.DOT);
  }

  /**
   * The words of JSqlParser's keyword tokens ({@code <K_SELECT>}, {@code <K_MATCH_ALL>}: each part
   * too, to be safe) and of its literal token images.
   */
  private static Set<String> keywords() {
    Set<String> keywords = new HashSet<>();
    for (String image : CCJSqlParserConstants.tokenImage) {
      String word = "";
      if (image.startsWith("<K_") && image.endsWith(">")) {
        word = image.substring(3, image.length() - 1);
      } else if (image.length() > 2 && image.startsWith("\"") && image.endsWith("\"")) {
        word = image.substring(1, image.length() - 1);
      }
      if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
        keywords.add(word.toUpperCase(Locale.ROOT));
        for (String part : word.split("_")) {
          if (!part.isEmpty()) {
            keywords.add(part.toUpperCase(Locale.ROOT));
          }
        }
      }
    }
    return Set.copyOf(keywords);
  }
}
