package dev.blastradius.rules.expandcontract;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/** stale-reads-after-write-stop: the last writer goes while readers stay (--base). */
class StaleReadsAfterWriteStopTest {

  private static final String USERS =
      "CREATE TABLE users (id bigint PRIMARY KEY, name text, first_name text);\n";

  private static final String READER =
      """
      package app;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.scheduling.annotation.Scheduled;

      class Digest {
        private JdbcTemplate jdbc;

        @Scheduled(cron = "0 0 7 * * MON")
        void send() {
          // MARK
          jdbc.queryForList("SELECT name FROM users");
        }
      }
      """;

  private static final String WRITER =
      """
      package app;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.kafka.annotation.KafkaListener;

      class SignupWorker {
        private JdbcTemplate jdbc;

        @KafkaListener(topics = "signups")
        void on(String name) {
          // MARK
          jdbc.update("INSERT INTO users (id, COLUMN) VALUES (1, ?)", name);
        }
      }
      """;

  private static String reader(String marker) {
    return READER.replace("// MARK", marker);
  }

  private static String writer(String column, String marker) {
    return WRITER.replace("COLUMN", column).replace("// MARK", marker);
  }

  @Test
  void positive_writesSwitchedToTheReplacementWhileTheDigestStillReads() {
    RuleTestHelper.forRule("stale-reads-after-write-stop")
        .applied("V1__users.sql", USERS)
        .unchanged(
            "src/main/java/app/Digest.java",
            reader(
                "// expect: finding stale-reads-after-write-stop ~ \"users.name is no longer written"
                    + " (the code at HEAD wrote it at 1 code site, this release nowhere), but the code"
                    + " still reads it at 1 code site (reached from 1 entry point: cron Digest.send"
                    + " (cron 0 0 7 * * MON)): those reads see values that no longer change.\","
                    + " related stale-reads-after-write-stop"))
        .atBase(
            "src/main/java/app/SignupWorker.java",
            writer("name", "// expect: related stale-reads-after-write-stop"))
        .source("src/main/java/app/SignupWorker.java", writer("first_name", "//"))
        .doTest();
  }

  @Test
  void negative_aReaderSuppressedForTheRuleIsNotAStaleReader() {
    RuleTestHelper.forRule("stale-reads-after-write-stop")
        .applied("V1__users.sql", USERS)
        .unchanged(
            "src/main/java/app/Digest.java",
            reader(
                "// blastradius-ignore: stale-reads-after-write-stop -- the digest is retired in"
                    + " this release\n    // expect: none"))
        .atBase("src/main/java/app/SignupWorker.java", writer("name", "//"))
        .source("src/main/java/app/SignupWorker.java", writer("first_name", "//"))
        .doTest();
  }

  @Test
  void negative_writerStillThere() {
    RuleTestHelper.forRule("stale-reads-after-write-stop")
        .applied("V1__users.sql", USERS)
        .unchanged("src/main/java/app/Digest.java", reader("// expect: none"))
        .unchanged("src/main/java/app/SignupWorker.java", writer("name", "//"))
        .doTest();
  }

  @Test
  void negative_readersSwitchedBeforeTheWriter() {
    RuleTestHelper.forRule("stale-reads-after-write-stop")
        .applied("V1__users.sql", USERS)
        .atBase("src/main/java/app/Digest.java", reader("//"))
        .source(
            "src/main/java/app/Digest.java",
            reader("// expect: none").replace("SELECT name", "SELECT first_name"))
        .atBase("src/main/java/app/SignupWorker.java", writer("name", "// expect: none"))
        .source("src/main/java/app/SignupWorker.java", writer("first_name", "// expect: none"))
        .doTest();
  }

  @Test
  void negative_columnDroppedInTheSameReleaseIsLeftToTheDropRules() {
    RuleTestHelper.forRule("stale-reads-after-write-stop")
        .applied("V1__users.sql", USERS)
        .unchanged("src/main/java/app/Digest.java", reader("// expect: none"))
        .atBase("src/main/java/app/SignupWorker.java", writer("name", "//"))
        .source("src/main/java/app/SignupWorker.java", writer("first_name", "//"))
        .addedSinceBase(
            "V2__drop_name.sql",
            """
            -- expect: none
            ALTER TABLE users DROP COLUMN name;
            """)
        .doTest();
  }

  @Test
  void negative_withoutBaseNothingIsKnownAboutWritersThatWent() {
    RuleTestHelper.forRule("stale-reads-after-write-stop")
        .applied("V1__users.sql", USERS)
        .source("src/main/java/app/Digest.java", reader("// expect: none"))
        .source("src/main/java/app/SignupWorker.java", writer("first_name", "//"))
        .proposed(
            "V2__index.sql",
            """
            -- expect: none
            CREATE INDEX CONCURRENTLY users_first_name ON users (first_name);
            """)
        .doTest();
  }
}
