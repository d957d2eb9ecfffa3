package dev.blastradius.rules.expandcontract;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/** column-change-vs-positional-sql: positional INSERTs vs added and dropped columns. */
class ColumnChangeVsPositionalSqlTest {

  private static final String SCHEMA =
      "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, total numeric, note text);\n";

  private static final String IMPORT =
      """
      -- expect: MARK
      INSERT INTO orders VALUES (1, 2, 9.99, 'first');
      INSERT INTO orders (id, customer_id, total) VALUES (2, 2, 5.00);
      """;

  @Test
  void positive_droppingAColumnBreaksPositionalInserts() {
    RuleTestHelper.forRule("column-change-vs-positional-sql")
        .applied("V1__orders.sql", SCHEMA)
        .proposed(
            "V2__drop_note.sql",
            """
            -- expect: finding column-change-vs-positional-sql ~ "Dropping orders.note breaks 1 positional INSERT into orders that name no columns; no known entry point reaches it."
            ALTER TABLE orders DROP COLUMN note;
            """)
        .source(
            "scripts/import_orders.sql",
            IMPORT.replace("MARK", "related column-change-vs-positional-sql"))
        .doTest();
  }

  @Test
  void positive_mysqlAddingAnyColumnBreaksThem() {
    RuleTestHelper.forRule("column-change-vs-positional-sql")
        .mysql("8.0.36")
        .applied("V1__orders.sql", SCHEMA)
        .proposed(
            "V2__add_channel.sql",
            """
            -- expect: finding column-change-vs-positional-sql ~ "Adding orders.channel (after customer_id) breaks 1 positional INSERT"
            ALTER TABLE orders ADD COLUMN channel varchar(20) AFTER customer_id;
            """)
        .source(
            "scripts/import_orders.sql",
            IMPORT.replace("MARK", "related column-change-vs-positional-sql"))
        .doTest();
  }

  @Test
  void negative_postgresAppendsAndNamedInsertsAreFine() {
    RuleTestHelper.forRule("column-change-vs-positional-sql")
        .applied("V1__orders.sql", SCHEMA)
        .proposed(
            "V2__changes.sql",
            """
            -- Postgres appends the column and fills it with its default.
            -- expect: none
            ALTER TABLE orders ADD COLUMN channel text;
            """)
        .source("scripts/import_orders.sql", IMPORT.replace("MARK", "none"))
        .doTest();
  }

  @Test
  void negative_namedInsertsSurviveADrop() {
    RuleTestHelper.forRule("column-change-vs-positional-sql")
        .applied("V1__orders.sql", SCHEMA)
        .proposed(
            "V2__drop_note.sql",
            """
            -- expect: none
            ALTER TABLE orders DROP COLUMN note;
            """)
        .source(
            "scripts/import_orders.sql",
            "INSERT INTO orders (id, customer_id, total) VALUES (2, 2, 5.00);\n")
        .doTest();
  }
}
