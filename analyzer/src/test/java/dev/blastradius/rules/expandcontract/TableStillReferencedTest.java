package dev.blastradius.rules.expandcontract;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/** drop-table-still-referenced and rename-table-still-referenced. */
class TableStillReferencedTest {

  private static final String SCHEMA =
      """
      CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric, paid_at timestamptz);
      CREATE TABLE audit_log (id bigint PRIMARY KEY, note text);
      """;

  private static final String CODE =
      """
      package app;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.scheduling.annotation.Scheduled;
      import org.springframework.web.bind.annotation.*;

      @RestController
      class Billing {
        private JdbcTemplate jdbc;

        @GetMapping("/invoices/open")
        Object open() {
          // expect: related RULE
          return jdbc.queryForList("SELECT id, total FROM invoices WHERE paid_at IS NULL");
        }

        @Scheduled(cron = "0 0 3 * * *")
        void purge() {
          // expect: related RULE
          jdbc.update("DELETE FROM invoices WHERE paid_at < now() - interval '7 years'");
        }
      }
      """;

  @Test
  void positive_dropTableWithReadersAndWriters() {
    RuleTestHelper.forRule("drop-table-still-referenced")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__drop.sql",
            """
            -- expect: finding drop-table-still-referenced ~ "Dropping invoices breaks 2 code sites still using it; reached from 2 entry points: http GET /invoices/open, cron Billing.purge (cron 0 0 3 * * *)."
            DROP TABLE invoices;
            """)
        .source(
            "src/main/java/app/Billing.java", CODE.replace("RULE", "drop-table-still-referenced"))
        .doTest();
  }

  @Test
  void negative_dropTableNobodyUses() {
    RuleTestHelper.forRule("drop-table-still-referenced")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__drop.sql",
            """
            -- expect: none
            DROP TABLE audit_log;
            """)
        .source(
            "src/main/java/app/Billing.java",
            CODE.replace("// expect: related RULE\n", "").replace("RULE", "x"))
        .doTest();
  }

  @Test
  void positive_renameTableWithUsers() {
    RuleTestHelper.forRule("rename-table-still-referenced")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__rename.sql",
            """
            -- expect: finding rename-table-still-referenced ~ "Renaming invoices to billing_invoices breaks 2 code sites still using the old name"
            ALTER TABLE invoices RENAME TO billing_invoices;
            """)
        .source(
            "src/main/java/app/Billing.java", CODE.replace("RULE", "rename-table-still-referenced"))
        .doTest();
  }

  @Test
  void negative_renameWithACompatibilityViewUnderTheOldName() {
    RuleTestHelper.forRule("rename-table-still-referenced")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__rename.sql",
            """
            -- expect: none
            ALTER TABLE invoices RENAME TO billing_invoices;
            CREATE VIEW invoices AS SELECT * FROM billing_invoices;
            """)
        .source(
            "src/main/java/app/Billing.java",
            CODE.replace("// expect: related RULE\n", "").replace("RULE", "x"))
        .doTest();
  }

  @Test
  void negative_renameTableOnlyMigrationsUse() {
    RuleTestHelper.forRule("rename-table-still-referenced")
        .applied(
            "V1__schema.sql", SCHEMA + "INSERT INTO audit_log (id, note) VALUES (1, 'seed');\n")
        .proposed(
            "V2__rename.sql",
            """
            -- expect: none
            ALTER TABLE audit_log RENAME TO audit_events;
            """)
        .doTest();
  }
}
