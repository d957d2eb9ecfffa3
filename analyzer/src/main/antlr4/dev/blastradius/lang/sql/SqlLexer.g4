/*
 * The SQL lexer behind our statement splitter (written for blastradius).
 *
 * It only needs to know where statements end, so it recognises what can hide a semicolon:
 * quoted strings (standard, E'' with backslash escapes, MySQL backslash strings), quoted
 * identifiers, Postgres dollar-quoted bodies with any tag, and line and (nested) block comments.
 * Everything else is a word, a number, a parameter, a semicolon or a single other character.
 *
 * An unterminated quote or block comment becomes an UNTERMINATED token for its opening
 * characters and lexing carries on after it, so the splitter can record a problem with the line
 * and still split the rest of the file. An unterminated dollar quote leaves the lexer in
 * DOLLAR_BODY mode at the end of input.
 */
lexer grammar SqlLexer;

tokens { DOLLAR_STRING }

@members {
  /** MySQL: '#' starts a comment and backslash escapes inside '...'. */
  public boolean mysql = false;

  /** The opening delimiter of the dollar quote being read, tag included. */
  private String dollarTag;

  /** Where the open dollar quote started, for the "unterminated" problem. */
  public int dollarStartLine;

  private void openDollar() {
    dollarTag = getText();
    dollarStartLine = getLine();
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

WS              : [ \t\r\n\f]+ ;
LINE_COMMENT    : '--' ~[\r\n]* ;
HASH_COMMENT    : {mysql}? '#' ~[\r\n]* ;
BLOCK_COMMENT   : '/*' ( BLOCK_COMMENT | . )*? '*/' ;

MYSQL_STRING    : {mysql}? '\'' ( '\\' . | '\'\'' | ~['\\] )* '\'' ;
E_STRING        : [eE] '\'' ( '\\' . | '\'\'' | ~['\\] )* '\'' ;
STRING          : ( [nNbBxX] | [uU] '&' )? '\'' ( '\'\'' | ~'\'' )* '\'' ;
QUOTED_IDENT    : ( [uU] '&' )? '"' ( '""' | ~'"' )* '"' ;
BACKTICK_IDENT  : '`' ( '``' | ~'`' )* '`' ;

DOLLAR_OPEN     : '$' DOLLAR_TAG? '$' { openDollar(); } -> pushMode(DOLLAR_BODY), more ;
PARAM           : '$' [0-9]+ | '?' | ':' [a-zA-Z_] [a-zA-Z_0-9]* ;

SEMI            : ';' ;
LPAREN          : '(' ;
RPAREN          : ')' ;
DOT             : '.' ;
COMMA           : ',' ;
NUMBER          : [0-9]+ ( '.' [0-9]* )? ( [eE] [+-]? [0-9]+ )? | '.' [0-9]+ ;
WORD            : WORD_START WORD_PART* ;
// Only reached when the quote or comment above could not be closed before the end of input.
UNTERMINATED    : [eE]? '\'' | '"' | '`' | '/*' ;
OTHER           : . ;

fragment DOLLAR_TAG : WORD_START ( [a-zA-Z_0-9] | '\u0080'..'\uFFFF' )* ;
fragment WORD_START : [a-zA-Z_] | '\u0080'..'\uFFFF' ;
fragment WORD_PART  : [a-zA-Z_0-9$] | '\u0080'..'\uFFFF' ;

mode DOLLAR_BODY;

DOLLAR_CLOSE    : '$' DOLLAR_TAG? '$' { dollarInBody(); } ;
DOLLAR_TEXT     : ~'$'+ -> more ;
DOLLAR_SIGN     : '$' -> more ;

