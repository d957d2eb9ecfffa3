package dev.blastradius.lang.python.link;

/**
 * Rewrites the DB-API placeholders the SQL parser does not know ({@code %s}, {@code %(name)s},
 * psycopg's {@code %b}/{@code %t}, and {@code %%}) into ones it does ({@code ?}, {@code :name},
 * {@code %}), outside quoted strings and identifiers. asyncpg's {@code $1}, SQLAlchemy's {@code
 * :name} and sqlite's {@code ?} are left as they are.
 */
final class Paramstyle {

  private Paramstyle() {}

  static String normalize(String sql) {
    if (sql.indexOf('%') < 0) {
      return sql;
    }
    StringBuilder out = new StringBuilder(sql.length());
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        out.append(c);
        if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
        out.append(c);
        continue;
      }
      if (c != '%' || i + 1 >= sql.length()) {
        out.append(c);
        continue;
      }
      char next = sql.charAt(i + 1);
      if (next == '%') {
        out.append('%');
        i++;
      } else if (next == 's' || next == 'b' || next == 't') {
        out.append('?');
        i++;
      } else if (next == '(') {
        int close = sql.indexOf(')', i);
        if (close > 0 && close + 1 < sql.length() && "sbt".indexOf(sql.charAt(close + 1)) >= 0) {
          out.append(':').append(sql, i + 2, close);
          i = close + 1;
        } else {
          out.append(c);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
