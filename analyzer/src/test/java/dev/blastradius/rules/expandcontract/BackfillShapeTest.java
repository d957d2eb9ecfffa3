package dev.blastradius.rules.expandcontract;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/** backfill-unbatched, backfill-not-idempotent, backfill-with-ddl-in-one-transaction. */
class BackfillShapeTest {

  private static final String USERS =
      "CREATE TABLE users (id bigserial PRIMARY KEY, first_name text, last_name text,"
          + " full_name text, tags text[], logins int);\n";

  @Test
  void positive_unbatchedWholeTableUpdate() {
    RuleTestHelper.forRule("backfill-unbatched")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__backfill.sql",
            """
            -- expect: finding backfill-unbatched ~ "This UPDATE sets full_name on every matching row of users in one statement"
            UPDATE users SET full_name = first_name || ' ' || last_name WHERE full_name IS NULL;
            """)
        .doTest();
  }

  @Test
  void negative_keyRangeLimitAndLimitedSubqueriesAreBatches() {
    RuleTestHelper.forRule("backfill-unbatched")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__backfill.sql",
            """
            -- expect: none
            UPDATE users SET full_name = first_name WHERE full_name IS NULL AND id >= 1 AND id < 10001;
            -- expect: none
            UPDATE users SET full_name = first_name WHERE id BETWEEN 10001 AND 20000;
            -- expect: none
            UPDATE users SET full_name = first_name
            WHERE id IN (SELECT id FROM users WHERE full_name IS NULL ORDER BY id LIMIT 5000);
            -- expect: none
            WITH batch AS (SELECT id FROM users WHERE full_name IS NULL ORDER BY id LIMIT 5000)
            UPDATE users u SET full_name = u.first_name FROM batch WHERE u.id = batch.id;
            -- expect: none
            UPDATE users SET full_name = 'Ada Lovelace' WHERE id = 1;
            """)
        .doTest();
  }

  @Test
  void negative_tablesCreatedInTheReleaseAreNotBackfills() {
    RuleTestHelper.forRule("backfill-unbatched")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__profiles.sql",
            """
            CREATE TABLE profiles (user_id bigint, display text);
            INSERT INTO profiles (user_id) SELECT id FROM users;
            -- expect: none
            UPDATE profiles SET display = 'x';
            """)
        .doTest();
  }

  @Test
  void positive_mysqlUpdateWithoutLimit() {
    RuleTestHelper.forRule("backfill-unbatched")
        .mysql("8.0.36")
        .applied(
            "V1__users.sql",
            "CREATE TABLE users (id bigint PRIMARY KEY, first_name text, full_name text);\n")
        .proposed(
            "V2__backfill.sql",
            """
            -- expect: none
            UPDATE users SET full_name = first_name WHERE full_name IS NULL LIMIT 1000;
            -- expect: finding backfill-unbatched ~ "every matching row of users"
            UPDATE users SET full_name = first_name WHERE full_name IS NULL;
            """)
        .doTest();
  }

  @Test
  void positive_notIdempotentWithoutGuardOrAppending() {
    RuleTestHelper.forRule("backfill-not-idempotent")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__backfill.sql",
            """
            -- expect: finding backfill-not-idempotent ~ "This UPDATE of users is not safe to re-run: it has no WHERE clause on full_name, so a re-run after a failure rewrites every row already done"
            UPDATE users SET full_name = first_name || ' ' || last_name;
            -- expect: finding backfill-not-idempotent ~ "its WHERE clause does not look at full_name"
            UPDATE users SET full_name = first_name WHERE id >= 1 AND id < 1000;
            -- expect: finding backfill-not-idempotent ~ "it adds to the current value of tags, so every re-run adds it again"
            UPDATE users SET tags = array_append(tags, 'migrated') WHERE id < 1000;
            -- expect: finding backfill-not-idempotent ~ "it adds to the current value of logins"
            UPDATE users SET logins = logins + 1 WHERE logins IS NOT NULL;
            """)
        .doTest();
  }

  @Test
  void negative_guardedBackfillsAreIdempotent() {
    RuleTestHelper.forRule("backfill-not-idempotent")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__backfill.sql",
            """
            -- expect: none
            UPDATE users SET full_name = first_name || ' ' || last_name WHERE full_name IS NULL;
            -- expect: none
            UPDATE users SET full_name = first_name
            WHERE full_name IS DISTINCT FROM first_name AND id < 1000;
            """)
        .doTest();
  }

  @Test
  void positive_ddlAndBackfillInTheToolsTransaction() {
    RuleTestHelper.forRule("backfill-with-ddl-in-one-transaction")
        .applied("V1__users.sql", USERS)
        .proposed(
            "V2__nickname.sql",
            """
            ALTER TABLE users ADD COLUMN nickname text;
            -- expect: finding backfill-with-ddl-in-one-transaction ~ "This UPDATE of users runs in one transaction with the add column users.nickname on line 1"
            UPDATE users SET nickname = first_name WHERE nickname IS NULL;
            """)
        .doTest();
  }

  @Test
  void positive_explicitTransactionWithDdlAfterTheBackfill() {
    RuleTestHelper.forRule("backfill-with-ddl-in-one-transaction")
        .applied("V1__users.sql", USERS)
        .assumeInTransaction(false)
        .proposed(
            "V2__full_name.sql",
            """
            BEGIN;
            -- expect: finding backfill-with-ddl-in-one-transaction ~ "set not null on users.full_name on line 4"
            UPDATE users SET full_name = first_name WHERE full_name IS NULL;
            ALTER TABLE users ALTER COLUMN full_name SET NOT NULL;
            COMMIT;
            """)
        .doTest();
  }

  @Test
  void negative_separateTransactionsOrOtherTables() {
    RuleTestHelper.forRule("backfill-with-ddl-in-one-transaction")
        .applied("V1__users.sql", USERS + "CREATE TABLE audit (id bigint, note text);\n")
        .assumeInTransaction(false)
        .proposed(
            "V2__full_name.sql",
            """
            ALTER TABLE users ADD COLUMN nickname text;
            -- expect: none
            UPDATE users SET nickname = first_name WHERE nickname IS NULL;
            BEGIN;
            ALTER TABLE audit ADD COLUMN at timestamptz;
            -- expect: none
            UPDATE users SET full_name = first_name WHERE full_name IS NULL;
            COMMIT;
            """)
        .doTest();
  }

  private static final String ADD_FULL_NAME =
      """
      -- expect: related backfill-unbatched, related backfill-not-idempotent
      ALTER TABLE users ADD COLUMN full_name text;
      """;

  @Test
  void positive_unbatchedBackfillScriptOfTheNewColumn() {
    RuleTestHelper.forRule("backfill-unbatched")
        .applied("V1__users.sql", "CREATE TABLE users (id bigserial PRIMARY KEY, first_name text);")
        .proposed("V2__full_name.sql", ADD_FULL_NAME)
        .source(
            "scripts/backfill_full_name.py",
            """
            import psycopg

            def run(conn):
                with conn.cursor() as cur:
                    # expect: finding backfill-unbatched ~ "This UPDATE (run by script scripts/backfill_full_name.py) sets full_name on every matching row of users"
                    cur.execute("UPDATE users SET full_name = first_name WHERE full_name IS NULL")

            if __name__ == "__main__":
                run(psycopg.connect())
            """)
        .doTest();
  }

  @Test
  void negative_batchedJobsAndNonJobWritersOfTheNewColumn() {
    RuleTestHelper.forRule("backfill-unbatched")
        .applied("V1__users.sql", "CREATE TABLE users (id bigserial PRIMARY KEY, first_name text);")
        .proposed("V2__full_name.sql", "ALTER TABLE users ADD COLUMN full_name text;")
        .source(
            "scripts/backfill_full_name.py",
            """
            import psycopg

            def run(conn, low, high):
                with conn.cursor() as cur:
                    # expect: none
                    cur.execute(
                        "UPDATE users SET full_name = first_name WHERE full_name IS NULL AND id >= %s AND id < %s",
                        (low, high))
                    # expect: none
                    cur.execute("UPDATE users SET full_name = first_name " + build_where())

            if __name__ == "__main__":
                run(psycopg.connect(), 1, 1000)
            """)
        .source(
            "app/views.py",
            """
            from flask import Flask
            app = Flask(__name__)

            @app.post("/admin/fix-names")
            def fix_names(cur):
                # expect: none
                cur.execute("UPDATE users SET full_name = first_name WHERE full_name IS NULL")
            """)
        .source(
            "scripts/rename_first.py",
            """
            def run(cur):
                # expect: none
                cur.execute("UPDATE users SET first_name = upper(first_name)")

            if __name__ == "__main__":
                run(None)
            """)
        .doTest();
  }

  @Test
  void positive_declaredPairsReplacementIsBackfilledByAShellJob() {
    RuleTestHelper.forRule("backfill-unbatched")
        .applied(
            "V1__users.sql",
            "CREATE TABLE users (id bigserial PRIMARY KEY, name text, full_name text);")
        .proposed("V2__index.sql", "CREATE INDEX CONCURRENTLY users_name ON users (name);")
        .pair("users.name", "users.full_name", 1)
        .source(
            "scripts/copy_names.sh",
            """
            #!/bin/sh
            # expect: finding backfill-unbatched ~ "sets full_name on every matching row of users"
            psql "$DATABASE_URL" -c "UPDATE users SET full_name = name"
            """)
        .doTest();
  }

  @Test
  void positive_jobBackfillWithoutGuardOrAppending() {
    RuleTestHelper.forRule("backfill-not-idempotent")
        .applied(
            "V1__users.sql",
            "CREATE TABLE users (id bigserial PRIMARY KEY, first_name text, logins int);")
        .proposed(
            "V2__full_name.sql",
            """
            -- expect: related backfill-not-idempotent
            ALTER TABLE users ADD COLUMN full_name text;
            -- expect: related backfill-not-idempotent
            ALTER TABLE users ADD COLUMN login_count int;
            """)
        .source(
            "scripts/backfill.py",
            """
            def batch(cur, low, high):
                # expect: finding backfill-not-idempotent ~ "This UPDATE of users (run by script scripts/backfill.py) is not safe to re-run: its WHERE clause does not look at full_name"
                cur.execute("UPDATE users SET full_name = first_name WHERE id >= %s AND id < %s", (low, high))

            def one(cur, user_id):
                # expect: none
                cur.execute("UPDATE users SET full_name = first_name WHERE id = %s", (user_id,))
                # expect: finding backfill-not-idempotent ~ "it adds to the current value of login_count"
                cur.execute("UPDATE users SET login_count = login_count + logins WHERE id = %s", (user_id,))

            if __name__ == "__main__":
                batch(None, 1, 2)
                one(None, 1)
            """)
        .doTest();
  }
}
