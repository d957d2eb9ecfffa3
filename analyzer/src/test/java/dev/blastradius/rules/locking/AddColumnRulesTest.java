package dev.blastradius.rules.locking;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/**
 * add-column-volatile-default, add-column-auto-increment, add-column-stored-generated and
 * add-column-not-null-without-default, on both sides of Postgres 11's fast defaults.
 */
class AddColumnRulesTest {

  private static final String ORDERS =
      "CREATE TABLE orders (id bigint PRIMARY KEY, total_cents bigint NOT NULL);\n";

  @Test
  void positive_volatileDefaultRewrites() {
    RuleTestHelper.forRule("add-column-volatile-default")
        .applied("V1__orders.sql", ORDERS)
        .proposed(
            "V2__public_id.sql",
            """
            -- expect: finding add-column-volatile-default ~ "Adding orders.public_id with DEFAULT gen_random_uuid() rewrites all of orders under an ACCESS EXCLUSIVE lock, blocking its reads and writes until the rewrite finishes: gen_random_uuid() is volatile, so Postgres evaluates it once per existing row."
            ALTER TABLE orders ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
            -- expect: finding add-column-volatile-default ~ "clock_timestamp() is volatile"
            ALTER TABLE orders ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp();
            """)
        .doTest();
  }

  @Test
  void negative_stableAndConstantDefaultsAreCatalogOnlyFromPostgres11() {
    RuleTestHelper.forRule("add-column-volatile-default")
        .applied("V1__orders.sql", ORDERS)
        .pgVersion(11)
        .proposed(
            "V2__defaults.sql",
            """
            -- expect: none
            ALTER TABLE orders ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
            -- expect: none
            ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';
            -- expect: none
            ALTER TABLE orders ADD COLUMN tags text[] DEFAULT '{}'::text[];
            -- expect: none
            ALTER TABLE orders ADD COLUMN note text;
            """)
        .doTest();
  }

  @Test
  void positive_anyDefaultRewritesBeforePostgres11() {
    RuleTestHelper.forRule("add-column-volatile-default")
        .applied("V1__orders.sql", ORDERS)
        .pgVersion(10)
        .proposed(
            "V2__defaults.sql",
            """
            -- expect: finding add-column-volatile-default ~ "before Postgres 11 every default is written into every existing row (this is 10)"
            ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';
            -- expect: none
            ALTER TABLE orders ADD COLUMN note text;
            """)
        .doTest();
  }

  @Test
  void negative_volatileDefaultOnATableCreatedInTheSameMigration() {
    RuleTestHelper.forRule("add-column-volatile-default")
        .applied("V1__orders.sql", ORDERS)
        .proposed(
            "V2__invoices.sql",
            """
            CREATE TABLE invoices (id bigint PRIMARY KEY);
            -- expect: none
            ALTER TABLE invoices ADD COLUMN public_id uuid DEFAULT gen_random_uuid();
            """)
        .doTest();
  }

  @Test
  void positive_serialAndIdentityColumnsRewrite() {
    RuleTestHelper.forRule("add-column-auto-increment")
        .applied("V1__orders.sql", ORDERS)
        .proposed(
            "V2__numbers.sql",
            """
            -- expect: finding add-column-auto-increment ~ "Adding auto-incrementing column orders.seq rewrites all of orders under an ACCESS EXCLUSIVE lock, blocking its reads and writes until the rewrite finishes: every existing row gets its own sequence value."
            ALTER TABLE orders ADD COLUMN seq bigserial;
            -- expect: finding add-column-auto-increment ~ "orders.number"
            ALTER TABLE orders ADD COLUMN number bigint GENERATED ALWAYS AS IDENTITY;
            """)
        .doTest();
  }

  @Test
  void negative_plainBigintColumn() {
    RuleTestHelper.forRule("add-column-auto-increment")
        .applied("V1__orders.sql", ORDERS)
        .proposed(
            "V2__numbers.sql",
            """
            -- expect: none
            ALTER TABLE orders ADD COLUMN seq bigint;
            """)
        .doTest();
  }

  @Test
  void positive_storedGeneratedColumnRewrites() {
    RuleTestHelper.forRule("add-column-stored-generated")
        .applied("V1__orders.sql", ORDERS)
        .proposed(
            "V2__euros.sql",
            """
            -- expect: finding add-column-stored-generated ~ "Adding orders.total_eur as a stored generated column rewrites all of orders"
            ALTER TABLE orders ADD COLUMN total_eur numeric GENERATED ALWAYS AS (total_cents / 100.0) STORED;
            """)
        .doTest();
  }

  @Test
  void negative_virtualGeneratedColumn() {
    RuleTestHelper.forRule("add-column-stored-generated")
        .applied("V1__orders.sql", ORDERS)
        .pgVersion(18)
        .proposed(
            "V2__euros.sql",
            """
            -- expect: none
            ALTER TABLE orders ADD COLUMN total_eur numeric GENERATED ALWAYS AS (total_cents / 100.0) VIRTUAL;
            """)
        .doTest();
  }

  @Test
  void positive_notNullColumnWithoutDefault() {
    RuleTestHelper.forRule("add-column-not-null-without-default")
        .applied("V1__orders.sql", ORDERS)
        .proposed(
            "V2__currency.sql",
            """
            -- expect: finding add-column-not-null-without-default ~ "Adding orders.currency as NOT NULL without a default fails as soon as orders has a row (existing rows would have no value for it), and code that inserts without the column fails too."
            ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL;
            """)
        .doTest();
  }

  @Test
  void negative_notNullWithDefaultOrNullableOrSerial() {
    RuleTestHelper.forRule("add-column-not-null-without-default")
        .applied("V1__orders.sql", ORDERS)
        .proposed(
            "V2__currency.sql",
            """
            -- expect: none
            ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR';
            -- expect: none
            ALTER TABLE orders ADD COLUMN note text;
            -- expect: none
            ALTER TABLE orders ADD COLUMN seq bigserial;
            """)
        .doTest();
  }
}
