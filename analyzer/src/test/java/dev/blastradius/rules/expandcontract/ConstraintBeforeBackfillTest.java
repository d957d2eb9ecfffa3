package dev.blastradius.rules.expandcontract;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/** constraint-before-backfill: constraints in the release that adds or fills the column. */
class ConstraintBeforeBackfillTest {

  private static final String USERS =
      "CREATE TABLE users (id bigserial PRIMARY KEY, email text, first_name text, last_name text);\n";

  @Test
  void positive_notNullAfterAddAndBackfillInOneFile() {
    RuleTestHelper.forRule("constraint-before-backfill")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__full_name.sql",
            """
            -- expect: related constraint-before-backfill
            ALTER TABLE users ADD COLUMN full_name text;
            UPDATE users SET full_name = first_name || ' ' || last_name WHERE full_name IS NULL;
            -- expect: finding constraint-before-backfill ~ "Adding NOT NULL on users.full_name in the release where it is added (proposed/V2__full_name.sql:2)"
            ALTER TABLE users ALTER COLUMN full_name SET NOT NULL;
            """)
        .doTest();
  }

  @Test
  void positive_uniqueIndexAndCheckInALaterMigrationOfTheSameRelease() {
    RuleTestHelper.forRule("constraint-before-backfill")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__normalise_email.sql",
            """
            -- expect: related constraint-before-backfill, related constraint-before-backfill
            UPDATE users SET email = lower(email) WHERE email <> lower(email) AND id < 100000;
            """)
        .proposed(
            "V3__email_unique.sql",
            """
            -- expect: finding constraint-before-backfill ~ "Adding a unique index on users.email in the release where it is backfilled (proposed/V2__normalise_email.sql:2)"
            CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);
            -- expect: finding constraint-before-backfill ~ "Adding a CHECK constraint on users.email"
            ALTER TABLE users ADD CONSTRAINT email_lower CHECK (email = lower(email)) NOT VALID;
            """)
        .doTest();
  }

  @Test
  void negative_constraintsOnColumnsTheReleaseDoesNotFill() {
    RuleTestHelper.forRule("constraint-before-backfill")
        .applied("V1__users.sql", USERS + "ALTER TABLE users ADD COLUMN full_name text;\n")
        .proposed(
            "V2__constraints.sql",
            """
            -- expect: none
            ALTER TABLE users ALTER COLUMN full_name SET NOT NULL;
            -- expect: none
            ALTER TABLE users ADD COLUMN code text UNIQUE;
            UPDATE users SET first_name = 'x' WHERE id = 1;
            -- expect: none
            ALTER TABLE users ADD CONSTRAINT last_name_set CHECK (last_name IS NOT NULL) NOT VALID;
            """)
        .doTest();
  }
}
