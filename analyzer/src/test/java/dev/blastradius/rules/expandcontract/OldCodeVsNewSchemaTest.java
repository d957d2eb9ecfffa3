package dev.blastradius.rules.expandcontract;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/** old-code-vs-new-schema: what the migration breaks in the code at the base revision. */
class OldCodeVsNewSchemaTest {

  private static final String SCHEMA =
      "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(10,2), note varchar(50),"
          + " quantity int, status text);\n";

  /** A report that reads each column; the marker line is replaced per test. */
  private static final String REPORT =
      """
      package app;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.web.bind.annotation.*;

      @RestController
      class OrderApi {
        private JdbcTemplate jdbc;

        @GetMapping("/orders/{id}")
        Object show(long id) {
          // MARK
          return jdbc.queryForMap("SELECT COLUMN FROM orders WHERE id = ?", id);
        }
      }
      """;

  private static String reading(String column, String marker) {
    return REPORT.replace("COLUMN", column).replace("// MARK", marker);
  }

  @Test
  void positive_renameBreaksTheReleaseBeingReplaced() {
    RuleTestHelper.forRule("old-code-vs-new-schema")
        .applied("V1__orders.sql", SCHEMA)
        .atBase(
            "src/main/java/app/OrderApi.java",
            reading("total", "// expect: related old-code-vs-new-schema"))
        .source("src/main/java/app/OrderApi.java", reading("amount", "//"))
        .addedSinceBase(
            "V2__rename_total.sql",
            """
            -- expect: finding old-code-vs-new-schema ~ "Renaming orders.total to amount breaks 1 code site of the code at HEAD (reached from 1 entry point: http GET /orders/{id}): instances of that release keep running during the rollout, and again after a rollback."
            ALTER TABLE orders RENAME COLUMN total TO amount;
            """)
        .doTest();
  }

  @Test
  void positive_dropThatBothReleasesStillRead() {
    RuleTestHelper.forRule("old-code-vs-new-schema")
        .applied("V1__orders.sql", SCHEMA)
        .atBase(
            "src/main/java/app/OrderApi.java",
            reading("status", "// expect: related old-code-vs-new-schema"))
        .source("src/main/java/app/OrderApi.java", reading("status", "//"))
        .addedSinceBase(
            "V2__drop_status.sql",
            """
            -- expect: finding old-code-vs-new-schema ~ "Dropping orders.status breaks 1 code site"
            ALTER TABLE orders DROP COLUMN status;
            """)
        .doTest();
  }

  @Test
  void positive_incompatibleTypeChange() {
    RuleTestHelper.forRule("old-code-vs-new-schema")
        .applied("V1__orders.sql", SCHEMA)
        .atBase(
            "src/main/java/app/OrderApi.java",
            reading("quantity", "// expect: related old-code-vs-new-schema"))
        .source("src/main/java/app/OrderApi.java", reading("quantity", "//"))
        .addedSinceBase(
            "V2__quantity_text.sql",
            """
            -- expect: finding old-code-vs-new-schema ~ "Changing the type of orders.quantity from int to text breaks 1 code site"
            ALTER TABLE orders ALTER COLUMN quantity TYPE text;
            """)
        .doTest();
  }

  @Test
  void negative_wideningTypeChangesKeepOldCodeWorking() {
    RuleTestHelper.forRule("old-code-vs-new-schema")
        .applied("V1__orders.sql", SCHEMA)
        .atBase("src/main/java/app/OrderApi.java", reading("note, quantity, total", "//"))
        .source("src/main/java/app/OrderApi.java", reading("note, quantity, total", "//"))
        .addedSinceBase(
            "V2__widen.sql",
            """
            -- expect: none
            ALTER TABLE orders ALTER COLUMN note TYPE varchar(200);
            -- expect: none
            ALTER TABLE orders ALTER COLUMN quantity TYPE bigint;
            -- expect: none
            ALTER TABLE orders ALTER COLUMN total TYPE numeric(14,2);
            """)
        .doTest();
  }

  @Test
  void negative_dropWhoseLastReferenceTheReleaseRemovesIsLeftToSameReleaseDrop() {
    RuleTestHelper.forRule("old-code-vs-new-schema")
        .applied("V1__orders.sql", SCHEMA)
        .atBase("src/main/java/app/OrderApi.java", reading("status", "//"))
        .source("src/main/java/app/OrderApi.java", reading("total", "//"))
        .addedSinceBase(
            "V2__drop_status.sql",
            """
            -- expect: none
            ALTER TABLE orders DROP COLUMN status;
            """)
        .doTest();
  }

  @Test
  void negative_renameOfAColumnTheOldCodeNeverUsed() {
    RuleTestHelper.forRule("old-code-vs-new-schema")
        .applied("V1__orders.sql", SCHEMA)
        .unchanged("src/main/java/app/OrderApi.java", reading("total", "//"))
        .addedSinceBase(
            "V2__rename_note.sql",
            """
            -- expect: none
            ALTER TABLE orders RENAME COLUMN note TO remark;
            """)
        .doTest();
  }

  @Test
  void positive_renamedTableBreaksEveryOldAccessOfIt() {
    RuleTestHelper.forRule("old-code-vs-new-schema")
        .applied("V1__orders.sql", SCHEMA)
        .atBase(
            "src/main/java/app/OrderApi.java",
            reading(
                "total",
                "// expect: related old-code-vs-new-schema, related old-code-vs-new-schema"))
        .source(
            "src/main/java/app/OrderApi.java",
            reading("total", "//").replace("FROM orders", "FROM purchases"))
        .addedSinceBase(
            "V2__rename_orders.sql",
            """
            -- expect: finding old-code-vs-new-schema ~ "Renaming table orders to purchases breaks 1 code site"
            ALTER TABLE orders RENAME TO purchases;
            """)
        .doTest();
  }
}
