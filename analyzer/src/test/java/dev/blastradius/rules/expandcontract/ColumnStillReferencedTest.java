package dev.blastradius.rules.expandcontract;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/** drop-column-still-read, drop-column-still-written and rename-column-still-referenced. */
class ColumnStillReferencedTest {

  private static final String USERS =
      "CREATE TABLE users (id bigint PRIMARY KEY, email text, name text, first_name text);\n";

  private static final String DAO =
      """
      package app;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.web.bind.annotation.*;

      @RestController
      class UserApi {
        private JdbcTemplate jdbc;

        @GetMapping("/users/{id}")
        String show(long id) {
          // expect: related drop-column-still-read
          return jdbc.queryForObject("SELECT name FROM users WHERE id = ?", String.class, id);
        }

        @PostMapping("/users/{id}/name")
        void rename(long id, String name) {
          // expect: related drop-column-still-written
          jdbc.update("UPDATE users SET name = ? WHERE id = ?", name, id);
        }
      }
      """;

  /** The same code without markers, for tests where its sites are not findings' sites. */
  private static final String DAO_UNMARKED =
      String.join("\n", DAO.lines().filter(l -> !l.contains("expect:")).toList()) + "\n";

  @Test
  void positive_dropColumnStillRead() {
    RuleTestHelper.forRule("drop-column-still-read")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__drop_name.sql",
            """
            -- expect: finding drop-column-still-read ~ "Dropping users.name breaks 1 code site still reading it; reached from 1 entry point: http GET /users/{id}."
            ALTER TABLE users DROP COLUMN name;
            """)
        .source("src/main/java/app/UserApi.java", DAO)
        .doTest();
  }

  @Test
  void positive_implicitReadsThroughSelectStarCount() {
    RuleTestHelper.forRule("drop-column-still-read")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__drop_email.sql",
            """
            -- expect: finding drop-column-still-read ~ "users.email"
            ALTER TABLE users DROP COLUMN email;
            """)
        .source(
            "queries/export.sql",
            """
            -- expect: related drop-column-still-read
            SELECT * FROM users;
            """)
        .doTest();
  }

  @Test
  void negative_dropColumnNobodyReads() {
    RuleTestHelper.forRule("drop-column-still-read")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__drop_first_name.sql",
            """
            -- expect: none
            ALTER TABLE users DROP COLUMN first_name;
            """)
        .source("src/main/java/app/UserApi.java", DAO_UNMARKED)
        .doTest();
  }

  @Test
  void negative_readsInAppliedMigrationsDoNotCount() {
    RuleTestHelper.forRule("drop-column-still-read")
        .applied("V1__users.sql", USERS)
        .applied(
            "V2__backfill.sql", "UPDATE users SET first_name = name WHERE first_name IS NULL;\n")
        .proposed(
            "V3__drop_name.sql",
            """
            -- expect: none
            ALTER TABLE users DROP COLUMN name;
            """)
        .doTest();
  }

  @Test
  void positive_dropColumnStillWritten() {
    RuleTestHelper.forRule("drop-column-still-written")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__drop_name.sql",
            """
            -- expect: finding drop-column-still-written ~ "Dropping users.name breaks 1 code site still writing it; reached from 1 entry point: http POST /users/{id}/name."
            ALTER TABLE users DROP COLUMN name;
            """)
        .source("src/main/java/app/UserApi.java", DAO)
        .doTest();
  }

  @Test
  void negative_dropColumnOnlyRead() {
    RuleTestHelper.forRule("drop-column-still-written")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__drop_email.sql",
            """
            -- expect: none
            ALTER TABLE users DROP COLUMN email;
            """)
        .source(
            "queries/report.sql",
            """
            SELECT email FROM users;
            """)
        .doTest();
  }

  @Test
  void positive_renameColumnStillReferenced() {
    RuleTestHelper.forRule("rename-column-still-referenced")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__rename.sql",
            """
            -- expect: finding rename-column-still-referenced ~ "Renaming users.name to full_name breaks 2 code sites still using the old name"
            ALTER TABLE users RENAME COLUMN name TO full_name;
            """)
        .source(
            "src/main/java/app/UserApi.java",
            DAO.replace("related drop-column-still-read", "related rename-column-still-referenced")
                .replace(
                    "related drop-column-still-written", "related rename-column-still-referenced"))
        .doTest();
  }

  @Test
  void negative_renameUnusedColumn() {
    RuleTestHelper.forRule("rename-column-still-referenced")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__rename.sql",
            """
            -- expect: none
            ALTER TABLE users RENAME COLUMN first_name TO given_name;
            """)
        .source("src/main/java/app/UserApi.java", DAO_UNMARKED)
        .doTest();
  }
}
