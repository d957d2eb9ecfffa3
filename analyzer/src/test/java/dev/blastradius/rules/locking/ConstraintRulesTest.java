package dev.blastradius.rules.locking;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/**
 * The constraint rules: CHECK and FOREIGN KEY without NOT VALID, VALIDATE in the same transaction
 * (with and without a wrapping transaction), UNIQUE and PRIMARY KEY without USING INDEX, EXCLUDE.
 */
class ConstraintRulesTest {

  private static final String SCHEMA =
      """
      CREATE TABLE users (id bigint PRIMARY KEY, email text);
      CREATE TABLE orders (id bigint, user_id bigint, total_cents bigint);
      CREATE TABLE bookings (id bigint PRIMARY KEY, room int, during tstzrange);
      """;

  @Test
  void positive_checkWithoutNotValid() {
    RuleTestHelper.forRule("add-check-constraint-without-not-valid")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__check.sql",
            """
            -- expect: finding add-check-constraint-without-not-valid ~ "Adding CHECK positive_total on orders without NOT VALID scans every row under an ACCESS EXCLUSIVE lock, blocking its reads and writes until the scan finishes."
            ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total_cents >= 0);
            -- expect: finding add-check-constraint-without-not-valid ~ "CHECK (unnamed) on orders"
            ALTER TABLE orders ADD COLUMN discount_cents bigint CHECK (discount_cents >= 0);
            """)
        .doTest();
  }

  @Test
  void negative_checkNotValidOrOnANewTable() {
    RuleTestHelper.forRule("add-check-constraint-without-not-valid")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__check.sql",
            """
            -- expect: none
            ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total_cents >= 0) NOT VALID;
            CREATE TABLE refunds (id bigint, amount bigint);
            -- expect: none
            ALTER TABLE refunds ADD CONSTRAINT positive_amount CHECK (amount > 0);
            """)
        .doTest();
  }

  @Test
  void positive_foreignKeyWithoutNotValid() {
    RuleTestHelper.forRule("add-foreign-key-without-not-valid")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__fk.sql",
            """
            -- expect: finding add-foreign-key-without-not-valid ~ "Adding FOREIGN KEY orders_user_fk on orders referencing users without NOT VALID scans orders while holding SHARE ROW EXCLUSIVE locks on both tables, blocking writes to both until the scan finishes."
            ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);
            -- expect: finding add-foreign-key-without-not-valid ~ "FOREIGN KEY (unnamed) on orders referencing users"
            ALTER TABLE orders ADD COLUMN referrer_id bigint REFERENCES users (id);
            """)
        .doTest();
  }

  @Test
  void negative_foreignKeyNotValid() {
    RuleTestHelper.forRule("add-foreign-key-without-not-valid")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__fk.sql",
            """
            -- expect: none
            ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
            """)
        .doTest();
  }

  private static final String ADD_THEN_VALIDATE =
      """
      ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
      %s
      ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;
      """;

  @Test
  void positive_validateInTheToolsTransaction() {
    RuleTestHelper.forRule("validate-constraint-in-same-transaction")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__fk.sql",
            ADD_THEN_VALIDATE.formatted(
                "-- expect: finding validate-constraint-in-same-transaction ~ \"VALIDATE CONSTRAINT"
                    + " orders_user_fk runs in the same transaction as line 1, which holds SHARE ROW"
                    + " EXCLUSIVE on orders until commit, so the validation scan blocks writes of"
                    + " orders after all.\""))
        .doTest();
  }

  @Test
  void negative_validateWithoutAWrappingTransaction() {
    RuleTestHelper.forRule("validate-constraint-in-same-transaction")
        .applied("V1__schema.sql", SCHEMA)
        .assumeInTransaction(false)
        .proposed("V2__fk.sql", ADD_THEN_VALIDATE.formatted("-- expect: none"))
        .doTest();
  }

  @Test
  void positive_validateInsideAnExplicitTransaction() {
    RuleTestHelper.forRule("validate-constraint-in-same-transaction")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "fk.sql",
            """
            BEGIN;
            ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total_cents >= 0) NOT VALID;
            -- expect: finding validate-constraint-in-same-transaction ~ "holds ACCESS EXCLUSIVE on orders until commit, so the validation scan blocks reads and writes of orders"
            ALTER TABLE orders VALIDATE CONSTRAINT positive_total;
            COMMIT;
            """)
        .doTest();
  }

  @Test
  void negative_validateAfterCommit() {
    RuleTestHelper.forRule("validate-constraint-in-same-transaction")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "fk.sql",
            """
            BEGIN;
            ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total_cents >= 0) NOT VALID;
            COMMIT;
            -- expect: none
            ALTER TABLE orders VALIDATE CONSTRAINT positive_total;
            """)
        .doTest();
  }

  @Test
  void positive_uniqueAndPrimaryKeyBuildTheirIndex() {
    RuleTestHelper.forRule("add-unique-constraint-without-index")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__unique.sql",
            """
            -- expect: finding add-unique-constraint-without-index ~ "Adding UNIQUE users_email_key on users (email) builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes until the build finishes."
            ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
            """)
        .doTest();
    RuleTestHelper.forRule("add-primary-key-without-index")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__pk.sql",
            """
            -- expect: finding add-primary-key-without-index ~ "Adding PRIMARY KEY orders_pkey on orders (id) builds its index"
            ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id);
            """)
        .doTest();
  }

  @Test
  void negative_uniqueAndPrimaryKeyUsingAnIndex() {
    RuleTestHelper.forRule("add-unique-constraint-without-index")
        .applied("V1__schema.sql", SCHEMA)
        .applied(
            "V2__index.sql", "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\n")
        .proposed(
            "V3__unique.sql",
            """
            -- expect: none
            ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;
            """)
        .doTest();
    RuleTestHelper.forRule("add-primary-key-without-index")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__pk.sql",
            """
            -- expect: none
            ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_id_idx;
            """)
        .doTest();
  }

  @Test
  void positive_exclusionConstraint() {
    RuleTestHelper.forRule("add-exclusion-constraint")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__no_overlap.sql",
            """
            -- expect: finding add-exclusion-constraint ~ "Adding EXCLUDE constraint no_overlap on bookings builds its index and checks every row under an ACCESS EXCLUSIVE lock"
            ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);
            """)
        .doTest();
  }

  @Test
  void negative_exclusionConstraintOnANewTable() {
    RuleTestHelper.forRule("add-exclusion-constraint")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__desks.sql",
            """
            CREATE TABLE desk_bookings (desk int, during tstzrange);
            -- expect: none
            ALTER TABLE desk_bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (desk WITH =, during WITH &&);
            """)
        .doTest();
  }
}
