package dev.blastradius.lang.ts;

import java.util.Set;

/**
 * The prefilter: a file none of whose words (runs of identifier characters, in code, strings and
 * comments alike, compared case-insensitively) is database vocabulary is not parsed when it is
 * read. It is parsed later only if the module graph shows that it imports code that touches the
 * database (see {@link TsLinker}); otherwise it cannot reach an access and tree-sitter never sees
 * it.
 *
 * <p>The words: SQL verbs ({@code select insert update delete upsert merge truncate}); SQL drivers
 * and their calls ({@code sql query execute prepare pool pg postgres mysql mysql2 sqlite sqlite3
 * slonik neon}); ORMs and query builders ({@code prisma supabase drizzle knex typeorm kysely
 * sequelize}); Prisma's client ({@code $queryRaw $executeRaw $queryRawUnsafe $executeRawUnsafe
 * $transaction findMany findUnique findUniqueOrThrow findFirst findFirstOrThrow create createMany
 * updateMany deleteMany aggregate groupBy}); Supabase's {@code rpc}; Drizzle's tables ({@code
 * pgTable mysqlTable sqliteTable}); TypeORM's ({@code Entity getRepository createQueryBuilder}). A
 * missing word costs recall only for a file that touches the database with none of the others,
 * which the tests pin.
 */
public final class DatabaseVocabulary {

  static final Set<String> WORDS =
      Set.of(
          "select",
          "insert",
          "update",
          "delete",
          "upsert",
          "merge",
          "truncate",
          "sql",
          "query",
          "execute",
          "prepare",
          "pool",
          "pg",
          "postgres",
          "mysql",
          "mysql2",
          "sqlite",
          "sqlite3",
          "slonik",
          "neon",
          "prisma",
          "supabase",
          "drizzle",
          "knex",
          "typeorm",
          "kysely",
          "sequelize",
          "$queryraw",
          "$executeraw",
          "$queryrawunsafe",
          "$executerawunsafe",
          "$transaction",
          "findmany",
          "findunique",
          "finduniqueorthrow",
          "findfirst",
          "findfirstorthrow",
          "createmany",
          "updatemany",
          "deletemany",
          "create",
          "aggregate",
          "groupby",
          "rpc",
          "pgtable",
          "mysqltable",
          "sqlitetable",
          "entity",
          "getrepository",
          "createquerybuilder");

  /** The words by length, so a run of letters is compared only with words as long as it. */
  private static final String[][] BY_LENGTH = byLength();

  /**
   * Per length, a bit per first character ({@link #firstBit}) of the words of that length: most
   * runs are rejected by one test, without comparing any word.
   */
  private static final long[] FIRSTS = firsts();

  private DatabaseVocabulary() {}

  private static String[][] byLength() {
    int longest = WORDS.stream().mapToInt(String::length).max().orElse(0);
    String[][] table = new String[longest + 1][];
    for (int length = 0; length <= longest; length++) {
      int size = length;
      table[length] =
          WORDS.stream().filter(w -> w.length() == size).sorted().toArray(String[]::new);
    }
    return table;
  }

  private static long[] firsts() {
    long[] firsts = new long[BY_LENGTH.length];
    for (int length = 0; length < BY_LENGTH.length; length++) {
      for (String word : BY_LENGTH[length]) {
        firsts[length] |= firstBit(word.charAt(0));
      }
    }
    return firsts;
  }

  /**
   * A bit for a word's first character, the same for both letter cases; {@code $} has its own, and
   * the characters no word starts with share one.
   */
  private static long firstBit(char c) {
    if (c >= 'A' && c <= 'Z') {
      return 1L << (c - 'A');
    }
    if (c >= 'a' && c <= 'z') {
      return 1L << (c - 'a');
    }
    return c == '$' ? 1L << 26 : 1L << 27;
  }

  /** Whether {@code text} has at least one database word. */
  public static boolean mentionsDatabase(String text) {
    int length = text.length();
    int i = 0;
    while (i < length) {
      char c = text.charAt(i);
      if (!isWordChar(c)) {
        i++;
        continue;
      }
      int start = i;
      while (i < length && isWordChar(text.charAt(i))) {
        i++;
      }
      int wordLength = i - start;
      if (wordLength < BY_LENGTH.length && (FIRSTS[wordLength] & firstBit(c)) != 0) {
        for (String word : BY_LENGTH[wordLength]) {
          if (sameIgnoringCase(text, start, word)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether the run at {@code start} is {@code word} (lower case) in any letter case. */
  private static boolean sameIgnoringCase(String text, int start, String word) {
    for (int k = 0; k < word.length(); k++) {
      char c = text.charAt(start + k);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '$';
  }
}
