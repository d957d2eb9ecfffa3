/*
 * The SQL lexer behind our statement splitter (written for blastradius).
 *
 * It only needs to know where statements end, so it recognises what can hide a semicolon:
 * quoted strings (standard, E'' with backslash escapes, MySQL backslash strings), quoted
 * identifiers, Postgres dollar-quoted bodies with any tag, and line and (nested) block comments.
 * Everything else is a word, a number, a parameter, a semicolon or a single other character.
 *
 * Postgres is the default mode; MySQL rules live in mode MYSQL (select it with
 * lexer.mode(SqlLexer.MYSQL)), where '#' starts a comment, backslash escapes inside quotes, and
 * there is no dollar quoting. Modes instead of semantic predicates keep ANTLR's DFA cache usable:
 * a predicate at the start of a rule forces full ATN simulation on every quote.
 *
 * An unterminated quote or block comment becomes an UNTERMINATED token for its opening
 * characters and lexing carries on after it, so the splitter can record a problem with the line
 * and still split the rest of the file. An unterminated dollar quote leaves the lexer in
 * DOLLAR_BODY mode at the end of input; the splitter then lexes again with that opener's index in
 * unclosedDollars, where it becomes an UNTERMINATED token like the others.
 */
lexer grammar SqlLexer;

tokens { DOLLAR_STRING, HASH_COMMENT }

@members {
  /** The opening delimiter of the dollar quote being read, tag included. */
  private String dollarTag;

  /** Where the open dollar quote started, for the "unterminated" problem. */
  public int dollarStartLine;

  /** Char index of the open dollar quote's first '$'. */
  public int dollarStartIndex;

  /** Indexes of dollar-quote openers known to have no closing delimiter. */
  public java.util.Set<Integer> unclosedDollars = java.util.Set.of();

  private void openDollar() {
    if (unclosedDollars.contains(_tokenStartCharIndex)) {
      setType(UNTERMINATED);
      return;
    }
    dollarTag = getText();
    dollarStartLine = _tokenStartLine;
    dollarStartIndex = _tokenStartCharIndex;
    pushMode(DOLLAR_BODY);
    more();
  }

  /**
   * The inner delimiter just matched closes the quote when its tag is the opening one. Inside an
   * action, getText() is the text of the current match only, not of the whole 'more' token.
   */
  private void dollarInBody() {
    if (getText().equals(dollarTag)) {
      popMode();
      setType(DOLLAR_STRING);
    } else {
      more();
    }
  }

  /** True while a dollar quote is open (at end of input: it was never closed). */
  public boolean inDollarQuote() {
    return _mode == DOLLAR_BODY;
  }
}

// ---- Postgres (default mode) ----------------------------------------------------------------

WS              : [ \t\r\n\f]+ ;
LINE_COMMENT    : '--' ~[\r\n]* ;
BLOCK_COMMENT   : '/*' ( BLOCK_COMMENT | . )*? '*/' ;

E_STRING        : [eE] '\'' ( '\\' . | '\'\'' | ~['\\] )* '\'' ;
STRING          : ( [nNbBxX] | [uU] '&' )? '\'' ( '\'\'' | ~'\'' )* '\'' ;
QUOTED_IDENT    : ( [uU] '&' )? '"' ( '""' | ~'"' )* '"' ;
BACKTICK_IDENT  : '`' ( '``' | ~'`' )* '`' ;

DOLLAR_OPEN     : '$' DOLLAR_TAG? '$' { openDollar(); } ;
PARAM           : '$' [0-9]+ | '?' | ':' [a-zA-Z_] [a-zA-Z_0-9]* ;

SEMI            : ';' ;
LPAREN          : '(' ;
RPAREN          : ')' ;
DOT             : '.' ;
COMMA           : ',' ;
NUMBER          : DIGITS ;
WORD            : WORD_START WORD_PART* ;
// Only reached when the quote or comment above could not be closed before the end of input.
UNTERMINATED    : [eE]? '\'' | '"' | '`' | '/*' ;
OTHER           : . ;

fragment DIGITS     : [0-9]+ ( '.' [0-9]* )? ( [eE] [+-]? [0-9]+ )? | '.' [0-9]+ ;
fragment DOLLAR_TAG : WORD_START ( [a-zA-Z_0-9] | '\u0080'..'\uFFFF' )* ;
fragment WORD_START : [a-zA-Z_] | '\u0080'..'\uFFFF' ;
fragment WORD_PART  : [a-zA-Z_0-9$] | '\u0080'..'\uFFFF' ;

mode DOLLAR_BODY;

DOLLAR_CLOSE    : '$' DOLLAR_TAG? '$' { dollarInBody(); } ;
DOLLAR_TEXT     : ~'$'+ -> more ;
DOLLAR_SIGN     : '$' -> more ;

// ---- MySQL --------------------------------------------------------------------------------

mode MYSQL;

M_WS            : [ \t\r\n\f]+ -> type(WS) ;
M_LINE_COMMENT  : '--' ~[\r\n]* -> type(LINE_COMMENT) ;
M_HASH_COMMENT  : '#' ~[\r\n]* -> type(HASH_COMMENT) ;
M_BLOCK_COMMENT : '/*' .*? '*/' -> type(BLOCK_COMMENT) ;
M_STRING        : [nNbBxX]? '\'' ( '\\' . | '\'\'' | ~['\\] )* '\'' -> type(STRING) ;
M_DQ_STRING     : '"' ( '\\' . | '""' | ~["\\] )* '"' -> type(QUOTED_IDENT) ;
M_BACKTICK      : '`' ( '``' | ~'`' )* '`' -> type(BACKTICK_IDENT) ;
M_PARAM         : ( '?' | ':' [a-zA-Z_] [a-zA-Z_0-9]* ) -> type(PARAM) ;
M_SEMI          : ';' -> type(SEMI) ;
M_LPAREN        : '(' -> type(LPAREN) ;
M_RPAREN        : ')' -> type(RPAREN) ;
M_DOT           : '.' -> type(DOT) ;
M_COMMA         : ',' -> type(COMMA) ;
M_NUMBER        : DIGITS -> type(NUMBER) ;
M_WORD          : WORD_START WORD_PART* -> type(WORD) ;
M_UNTERMINATED  : ( '\'' | '"' | '`' | '/*' ) -> type(UNTERMINATED) ;
M_OTHER         : . -> type(OTHER) ;
