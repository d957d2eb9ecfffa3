package dev.blastradius.rules.expandcontract;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/** dual-write-gap: writers of a replaced column that do not write its replacement. */
class DualWriteGapTest {

  private static final String USERS =
      "CREATE TABLE users (id bigserial PRIMARY KEY, name text, full_name text, email text);\n";

  private static final String WRITERS =
      """
      package app;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.web.bind.annotation.*;

      @RestController
      class Profiles {
        private JdbcTemplate jdbc;

        @PutMapping("/users/{id}/name")
        void rename(long id, String name) {
          // expect: MARK_A
          jdbc.update("UPDATE users SET name = ?, full_name = ? WHERE id = ?", name, name, id);
        }

        @PostMapping("/webhooks/crm")
        void crm(long id, String name) {
          // expect: MARK_B
          jdbc.update("UPDATE users SET name = ? WHERE id = ?", name, id);
        }

        @PutMapping("/users/{id}/email")
        void email(long id, String email) {
          jdbc.update("UPDATE users SET email = ? WHERE id = ?", email, id);
        }
      }
      """;

  private static String writers(String a, String b) {
    return WRITERS.replace("MARK_A", a).replace("MARK_B", b);
  }

  @Test
  void positive_declaredPairWithAWriterOfTheOldColumnOnly() {
    RuleTestHelper.forRule("dual-write-gap")
        .applied("V1__users.sql", USERS)
        .pair("users.name", "users.full_name", 3)
        .source(
            "blastradius.yaml",
            """
            pairs:
              # expect: finding dual-write-gap ~ "users.name is being replaced by users.full_name (declared in blastradius.yaml (pairs)), but 1 code site writes users.name without it; reached from 1 entry point: webhook POST /webhooks/crm."
              - {old: users.name, new: users.full_name}
            """)
        .proposed(
            "V2__email_index.sql", "CREATE INDEX CONCURRENTLY users_email ON users (email);\n")
        .source(
            "src/main/java/app/Profiles.java",
            writers(
                "write users.name, write users.full_name, read users.id", "related dual-write-gap"))
        .doTest();
  }

  @Test
  void positive_addedColumnBackfilledFromTheOldOne() {
    RuleTestHelper.forRule("dual-write-gap")
        .applied(
            "V1__users.sql",
            "CREATE TABLE users (id bigserial PRIMARY KEY, name text, email text);\n")
        .proposed("V2__add_full_name.sql", "ALTER TABLE users ADD COLUMN full_name text;\n")
        .proposed(
            "V3__backfill.sql",
            """
            -- expect: finding dual-write-gap ~ "users.name is being replaced by users.full_name (backfilled from it at line 2), but 1 code site writes users.name without it; reached from 1 entry point: webhook POST /webhooks/crm."
            UPDATE users SET full_name = name WHERE full_name IS NULL AND id < 100000;
            """)
        .source("src/main/java/app/Profiles.java", writers("none", "related dual-write-gap"))
        .doTest();
  }

  @Test
  void negative_everyWriterWritesBothOrASyncTriggerDoes() {
    RuleTestHelper.forRule("dual-write-gap")
        .applied("V1__users.sql", USERS)
        .pair("users.name", "users.full_name", 1)
        .proposed(
            "V2__email_index.sql", "CREATE INDEX CONCURRENTLY users_email ON users (email);\n")
        .source(
            "src/main/java/app/Profiles.java",
            writers("write users.full_name, write users.name, read users.id", "none")
                .replace(
                    "\"UPDATE users SET name = ? WHERE id = ?\", name, id",
                    "\"UPDATE users SET name = ?, full_name = ? WHERE id = ?\", name, name, id"))
        .doTest();
    RuleTestHelper.forRule("dual-write-gap")
        .applied(
            "V1__users.sql",
            USERS
                + """
                CREATE FUNCTION sync_full_name() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  UPDATE users SET full_name = NEW.name WHERE id = NEW.id;
                  RETURN NEW;
                END $$;
                CREATE TRIGGER users_sync AFTER INSERT OR UPDATE OF name ON users
                  FOR EACH ROW EXECUTE FUNCTION sync_full_name();
                """)
        .pair("users.name", "users.full_name", 1)
        .proposed(
            "V2__email_index.sql", "CREATE INDEX CONCURRENTLY users_email ON users (email);\n")
        .source("src/main/java/app/Profiles.java", writers("none", "none"))
        .doTest();
  }
}
