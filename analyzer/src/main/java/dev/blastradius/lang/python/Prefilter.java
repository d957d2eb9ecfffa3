package dev.blastradius.lang.python;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The cheap test that keeps files without database vocabulary away from tree-sitter. A file reaches
 * the parser when one of its words (identifier-like runs of letters, digits and {@code _}, in code,
 * strings and comments alike) is in {@link #VOCABULARY}, compared case-insensitively:
 *
 * <ul>
 *   <li>SQL verbs: {@code select insert update delete merge upsert truncate};
 *   <li>DB-API and drivers: {@code cursor execute executemany executescript callproc fetch fetchrow
 *       fetchval psycopg psycopg2 asyncpg sqlite3 pymysql mysqldb aiosqlite read_sql read_sql_query
 *       read_sql_table};
 *   <li>Django: {@code django models objects save bulk_create bulk_update get_or_create
 *       update_or_create refresh_from_db serializers modeladmin modelform runsql runpython
 *       filterset};
 *   <li>SQLAlchemy, SQLModel and Alembic: {@code sqlalchemy sqlmodel column mapped_column mapped
 *       table session query alembic};
 *   <li>schedulers and queues that name tasks in configuration: {@code beat_schedule
 *       celery_beat_schedule}.
 * </ul>
 *
 * A skipped file is not lost: when linking finds that it mentions a function, class or module of a
 * parsed file, it is parsed then (see {@link dev.blastradius.lang.python.link.PythonLinker}), so
 * callers of database code keep their call edges and entry points.
 */
public final class Prefilter {

  /** The database vocabulary, lower case. */
  public static final Set<String> VOCABULARY =
      Set.of(
          "select",
          "insert",
          "update",
          "delete",
          "merge",
          "upsert",
          "truncate",
          "cursor",
          "execute",
          "executemany",
          "executescript",
          "callproc",
          "fetch",
          "fetchrow",
          "fetchval",
          "psycopg",
          "psycopg2",
          "asyncpg",
          "sqlite3",
          "pymysql",
          "mysqldb",
          "aiosqlite",
          "read_sql",
          "read_sql_query",
          "read_sql_table",
          "django",
          "models",
          "objects",
          "save",
          "bulk_create",
          "bulk_update",
          "get_or_create",
          "update_or_create",
          "refresh_from_db",
          "serializers",
          "modeladmin",
          "modelform",
          "runsql",
          "runpython",
          "filterset",
          "sqlalchemy",
          "sqlmodel",
          "column",
          "mapped_column",
          "mapped",
          "table",
          "session",
          "query",
          "alembic",
          "beat_schedule",
          "celery_beat_schedule");

  /** The vocabulary by word length; ASCII words are compared in place, without a copy. */
  private static final String[][] BY_LENGTH = byLength(VOCABULARY);

  private Prefilter() {}

  /** Whether {@code text} uses any word of the database vocabulary. */
  public static boolean mentionsDatabase(String text) {
    return anyWord(text, BY_LENGTH, w -> VOCABULARY.contains(w.toLowerCase(Locale.ROOT)));
  }

  /** Whether any identifier-like word of {@code text} satisfies {@code test}. */
  public static boolean anyWord(String text, Predicate<String> test) {
    return anyWordAt(text, (t, start, end) -> test.test(t.substring(start, end)));
  }

  /** A test of the word {@code text[start, end)}, which need not copy it. */
  @FunctionalInterface
  private interface WordAt {
    boolean test(String text, int start, int end);
  }

  /** The one scan of identifier-like words behind every test of this class. */
  private static boolean anyWordAt(String text, WordAt test) {
    int length = text.length();
    int i = 0;
    while (i < length) {
      if (!isWordStart(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < length && isWordPart(text.charAt(i))) {
        i++;
      }
      if (test.test(text, start, i)) {
        return true;
      }
    }
    return false;
  }

  /** A set of words to look for in texts ({@link #anyIn}), exactly, case included. */
  public static final class Words {

    private final Set<String> words;
    private final boolean[] lengths;

    public Words(Set<String> words) {
      this.words = words;
      int longest = 0;
      for (String word : words) {
        longest = Math.max(longest, word.length());
      }
      lengths = new boolean[longest + 1];
      for (String word : words) {
        lengths[word.length()] = true;
      }
    }

    /**
     * Whether any identifier-like word of {@code text} is one of the words. A word of a length none
     * of them has is not even copied.
     */
    public boolean anyIn(String text) {
      return anyWordAt(
          text,
          (t, start, end) -> {
            int size = end - start;
            return size < lengths.length
                && lengths[size]
                && words.contains(t.substring(start, end));
          });
    }
  }

  /**
   * Whether any word of {@code text} is in {@code vocabulary} (lower case, by length), compared
   * case-insensitively: an ASCII word in place, any other with {@code nonAscii} (lower-casing a
   * non-ASCII word is not a per-character affair).
   */
  private static boolean anyWord(String text, String[][] vocabulary, Predicate<String> nonAscii) {
    return anyWordAt(
        text,
        (t, start, end) -> {
          for (int k = start; k < end; k++) {
            if (t.charAt(k) > 0x7f) {
              return nonAscii.test(t.substring(start, end));
            }
          }
          int size = end - start;
          if (size >= vocabulary.length || vocabulary[size] == null) {
            return false;
          }
          for (String word : vocabulary[size]) {
            if (t.regionMatches(true, start, word, 0, size)) {
              return true;
            }
          }
          return false;
        });
  }

  private static String[][] byLength(Set<String> words) {
    int longest = words.stream().mapToInt(String::length).max().orElse(0);
    String[][] byLength = new String[longest + 1][];
    for (String word : words.stream().sorted().toList()) {
      String[] same = byLength[word.length()];
      String[] grown =
          same == null ? new String[1] : java.util.Arrays.copyOf(same, same.length + 1);
      grown[grown.length - 1] = word;
      byLength[word.length()] = grown;
    }
    return byLength;
  }

  private static boolean isWordStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c > 0x7f;
  }

  private static boolean isWordPart(char c) {
    return isWordStart(c) || (c >= '0' && c <= '9');
  }
}
