package dev.blastradius.rules.locking;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Rules whose verdict depends on transactions: transaction-nesting, uncommitted-transaction,
 * enum-add-value-in-transaction (Postgres 11 vs 12) and mixed-ddl-and-data-change, each with and
 * without a wrapping transaction.
 */
class TransactionRulesTest {

  private static final String SCHEMA =
      """
      CREATE TYPE order_status AS ENUM ('new', 'paid');
      CREATE TABLE orders (id bigint PRIMARY KEY, status order_status, note text);
      CREATE TABLE users (id bigint PRIMARY KEY, first_name text, last_name text);
      """;

  @Test
  void positive_explicitTransactionInsideTheToolsTransaction() {
    RuleTestHelper.forRule("transaction-nesting")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__backfill.sql",
            """
            -- expect: finding transaction-nesting ~ "BEGIN here: a transaction is already open (flyway opened it), so Postgres only warns and the matching COMMIT ends the outer transaction early."
            BEGIN;
            UPDATE orders SET note = '' WHERE note IS NULL;
            -- expect: finding transaction-nesting ~ "COMMIT here: it ends the transaction flyway opened"
            COMMIT;
            """)
        .doTest();
  }

  @Test
  void positive_commitWithoutBegin() {
    RuleTestHelper.forRule("transaction-nesting")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "backfill.sql",
            """
            UPDATE orders SET note = '' WHERE note IS NULL;
            -- expect: finding transaction-nesting ~ "COMMIT here: no transaction is open, so it does nothing."
            COMMIT;
            """)
        .doTest();
  }

  @Test
  void negative_pairedTransactionsWithoutAWrappingOne() {
    RuleTestHelper.forRule("transaction-nesting")
        .applied("V1__schema.sql", SCHEMA)
        .assumeInTransaction(false)
        .proposed(
            "V2__backfill.sql",
            """
            -- expect: none
            BEGIN;
            UPDATE orders SET note = '' WHERE note IS NULL;
            SAVEPOINT half;
            ROLLBACK TO SAVEPOINT half;
            -- expect: none
            COMMIT;
            -- expect: none
            START TRANSACTION;
            -- expect: none
            END;
            """)
        .doTest();
  }

  @Test
  void positive_uncommittedTransaction() {
    RuleTestHelper.forRule("uncommitted-transaction")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "invoices.sql",
            """
            -- expect: finding uncommitted-transaction ~ "BEGIN opens a transaction that is never committed: its transaction is still open when the file ends, so everything after it is rolled back when the connection closes."
            BEGIN;
            CREATE TABLE invoices (id bigint PRIMARY KEY);
            """)
        .doTest();
  }

  @Test
  void negative_committedOrToolManagedTransaction() {
    RuleTestHelper.forRule("uncommitted-transaction")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "invoices.sql",
            """
            -- expect: none
            BEGIN;
            CREATE TABLE invoices (id bigint PRIMARY KEY);
            COMMIT;
            """)
        .proposed(
            "V3__credits.sql",
            """
            -- expect: none
            CREATE TABLE credits (id bigint PRIMARY KEY);
            """)
        .doTest();
  }

  @Test
  void positive_enumValueInATransactionBeforePostgres12() {
    RuleTestHelper.forRule("enum-add-value-in-transaction")
        .applied("V1__schema.sql", SCHEMA)
        .pgVersion(11)
        .assumeInTransaction(true)
        .proposed(
            "V2__refunded.sql",
            """
            -- expect: finding enum-add-value-in-transaction ~ "ALTER TYPE order_status ADD VALUE 'refunded' runs inside a transaction block, and Postgres 11 cannot run ADD VALUE in a transaction block: the migration fails."
            ALTER TYPE order_status ADD VALUE 'refunded';
            """)
        .doTest();
  }

  @Test
  void negative_enumValueInATransactionFromPostgres12() {
    RuleTestHelper.forRule("enum-add-value-in-transaction")
        .applied("V1__schema.sql", SCHEMA)
        .pgVersion(12)
        .proposed(
            "V2__refunded.sql",
            """
            -- expect: none
            ALTER TYPE order_status ADD VALUE 'refunded';
            """)
        .doTest();
  }

  @Test
  void negative_enumValueOutsideATransactionBeforePostgres12() {
    // Flyway runs ADD VALUE outside a transaction by itself before Postgres 12.
    RuleTestHelper.forRule("enum-add-value-in-transaction")
        .applied("V1__schema.sql", SCHEMA)
        .pgVersion(11)
        .proposed(
            "V2__refunded.sql",
            """
            -- expect: none
            ALTER TYPE order_status ADD VALUE 'refunded';
            """)
        .doTest();
  }

  @Test
  void positive_newEnumValueUsedBeforeCommit() {
    RuleTestHelper.forRule("enum-add-value-in-transaction")
        .applied("V1__schema.sql", SCHEMA)
        .pgVersion(12)
        .proposed(
            "V2__refunded.sql",
            """
            -- expect: finding enum-add-value-in-transaction ~ "line 3 uses it before the transaction commits, which Postgres refuses"
            ALTER TYPE order_status ADD VALUE 'refunded';
            UPDATE orders SET status = 'refunded' WHERE note = 'refund';
            """)
        .doTest();
  }

  @Test
  void negative_newEnumValueUsedAfterCommit() {
    RuleTestHelper.forRule("enum-add-value-in-transaction")
        .applied("V1__schema.sql", SCHEMA)
        .pgVersion(12)
        .assumeInTransaction(false)
        .proposed(
            "V2__refunded.sql",
            """
            -- expect: none
            ALTER TYPE order_status ADD VALUE 'refunded';
            UPDATE orders SET status = 'refunded' WHERE note = 'refund';
            """)
        .doTest();
  }

  @Test
  void positive_backfillUnderTheLockOfTheDdl() {
    RuleTestHelper.forRule("mixed-ddl-and-data-change")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__full_name.sql",
            """
            ALTER TABLE users ADD COLUMN full_name text;
            -- expect: finding mixed-ddl-and-data-change ~ "This UPDATE runs in the same transaction as the DDL on line 1, which holds ACCESS EXCLUSIVE on users until commit: reads and writes of users wait for the whole UPDATE."
            UPDATE users SET full_name = first_name || ' ' || last_name;
            """)
        .doTest();
  }

  @Test
  void negative_backfillInItsOwnTransactionOrOnANewTable() {
    RuleTestHelper.forRule("mixed-ddl-and-data-change")
        .applied("V1__schema.sql", SCHEMA)
        .assumeInTransaction(false)
        .proposed(
            "V2__full_name.sql",
            """
            ALTER TABLE users ADD COLUMN full_name text;
            -- expect: none
            UPDATE users SET full_name = first_name || ' ' || last_name;
            """)
        .proposed(
            "V3__statuses.sql",
            """
            BEGIN;
            CREATE TABLE statuses (name text PRIMARY KEY);
            CREATE INDEX statuses_name_idx ON statuses (name);
            -- expect: none
            INSERT INTO statuses (name) VALUES ('new'), ('paid');
            COMMIT;
            """)
        .doTest();
  }
}
