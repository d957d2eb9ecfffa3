package dev.blastradius.rules.locking;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/**
 * set-not-null-scans-table on both sides of Postgres 12 (a validated CHECK spares the scan) and
 * change-column-type-rewrites-table with the binary-coercible exceptions.
 */
class NotNullAndTypeRulesTest {

  private static final String USERS =
      """
      CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255), name text, score numeric(10, 2), age int);
      """;

  private static final String EMAIL_CHECKED =
      """
      ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
      """;

  private static final String EMAIL_VALIDATED =
      "ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;\n";

  @Test
  void positive_setNotNullScans() {
    RuleTestHelper.forRule("set-not-null-scans-table")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__email_required.sql",
            """
            -- expect: finding set-not-null-scans-table ~ "SET NOT NULL on users.email scans all of users under an ACCESS EXCLUSIVE lock, blocking its reads and writes until every row is checked; a validated CHECK (email IS NOT NULL) constraint added beforehand would let Postgres 12+ skip it."
            ALTER TABLE users ALTER COLUMN email SET NOT NULL;
            """)
        .doTest();
  }

  @Test
  void positive_notValidCheckIsNotEnough() {
    RuleTestHelper.forRule("set-not-null-scans-table")
        .applied("V1__users.sql", USERS)
        .applied("V2__check.sql", EMAIL_CHECKED)
        .proposed(
            "V3__email_required.sql",
            """
            -- expect: finding set-not-null-scans-table ~ "users.email"
            ALTER TABLE users ALTER COLUMN email SET NOT NULL;
            """)
        .doTest();
  }

  @Test
  void negative_validatedCheckSparesTheScanFromPostgres12() {
    RuleTestHelper.forRule("set-not-null-scans-table")
        .applied("V1__users.sql", USERS)
        .applied("V2__check.sql", EMAIL_CHECKED)
        .applied("V3__validate.sql", EMAIL_VALIDATED)
        .pgVersion(12)
        .proposed(
            "V4__email_required.sql",
            """
            -- expect: none
            ALTER TABLE users ALTER COLUMN email SET NOT NULL;
            ALTER TABLE users DROP CONSTRAINT users_email_not_null;
            """)
        .doTest();
  }

  @Test
  void positive_validatedCheckDoesNotHelpBeforePostgres12() {
    RuleTestHelper.forRule("set-not-null-scans-table")
        .applied("V1__users.sql", USERS)
        .applied("V2__check.sql", EMAIL_CHECKED)
        .applied("V3__validate.sql", EMAIL_VALIDATED)
        .pgVersion(11)
        .proposed(
            "V4__email_required.sql",
            """
            -- expect: finding set-not-null-scans-table ~ "Postgres 11 does not use the validated CHECK (email IS NOT NULL) to skip it; Postgres 12 and later do"
            ALTER TABLE users ALTER COLUMN email SET NOT NULL;
            """)
        .doTest();
  }

  @Test
  void negative_dropNotNullAndNewTables() {
    RuleTestHelper.forRule("set-not-null-scans-table")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__nullability.sql",
            """
            -- expect: none
            ALTER TABLE users ALTER COLUMN name DROP NOT NULL;
            CREATE TABLE teams (id bigint, name text);
            -- expect: none
            ALTER TABLE teams ALTER COLUMN name SET NOT NULL;
            """)
        .doTest();
  }

  @Test
  void positive_typeChangesThatRewrite() {
    RuleTestHelper.forRule("change-column-type-rewrites-table")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__types.sql",
            """
            -- expect: finding change-column-type-rewrites-table ~ "Changing users.age from int to bigint rewrites users and rebuilds its indexes under an ACCESS EXCLUSIVE lock, blocking its reads and writes until it finishes."
            ALTER TABLE users ALTER COLUMN age TYPE bigint;
            -- expect: finding change-column-type-rewrites-table ~ "from varchar(255) to varchar(100)"
            ALTER TABLE users ALTER COLUMN email TYPE varchar(100);
            -- expect: finding change-column-type-rewrites-table ~ "from numeric(10, 2) to numeric(12, 4)"
            ALTER TABLE users ALTER COLUMN score TYPE numeric(12, 4);
            -- expect: finding change-column-type-rewrites-table ~ "users.name from text to text"
            ALTER TABLE users ALTER COLUMN name TYPE text USING trim(name);
            -- expect: finding change-column-type-rewrites-table ~ "users.nickname from its current type to text"
            ALTER TABLE users ALTER COLUMN nickname TYPE text;
            """)
        .doTest();
  }

  @Test
  void negative_binaryCoercibleTypeChanges() {
    RuleTestHelper.forRule("change-column-type-rewrites-table")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__types.sql",
            """
            -- expect: none
            ALTER TABLE users ALTER COLUMN email TYPE varchar(320);
            -- expect: none
            ALTER TABLE users ALTER COLUMN score TYPE numeric(14, 2);
            -- expect: none
            ALTER TABLE users ALTER COLUMN email TYPE text USING email::text;
            -- expect: none
            ALTER TABLE users ALTER COLUMN name SET DATA TYPE character varying;
            """)
        .doTest();
  }
}
