package dev.blastradius.rules.expandcontract;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/** contract-with-live-dependents: views and function bodies that use a dropped column or table. */
class ContractWithLiveDependentsTest {

  private static final String SCHEMA =
      """
      CREATE TABLE users (id bigint PRIMARY KEY, name text, email text, nickname text);
      CREATE TABLE users_history (user_id bigint, old_name text);
      CREATE VIEW user_names AS SELECT id, name FROM users;
      CREATE FUNCTION users_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- expect: related contract-with-live-dependents
        INSERT INTO users_history (user_id, old_name) VALUES (OLD.id, OLD.name);
        RETURN NEW;
      END $$;
      CREATE TRIGGER users_audit AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION users_audit();
      """;

  @Test
  void positive_viewAndTriggerFunctionUseTheDroppedColumn() {
    RuleTestHelper.forRule("contract-with-live-dependents")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__drop_name.sql",
            """
            -- expect: finding contract-with-live-dependents ~ "Dropping users.name leaves 2 database objects depending on it: function or trigger body at src/main/resources/db/migration/V1__schema.sql:7, view user_names."
            ALTER TABLE users DROP COLUMN name;
            """)
        .doTest();
  }

  @Test
  void positive_droppingATableAViewReads() {
    RuleTestHelper.forRule("contract-with-live-dependents")
        .applied(
            "V1__schema.sql",
            "CREATE TABLE plans (id bigint, title text);\n"
                + "CREATE VIEW plan_titles AS SELECT title FROM plans;\n")
        .proposed(
            "V2__drop_plans.sql",
            """
            -- expect: finding contract-with-live-dependents ~ "Dropping plans leaves 1 database object depending on it: view plan_titles."
            DROP TABLE plans;
            """)
        .doTest();
  }

  @Test
  void negative_theViewIsDroppedFirstInTheSameMigration() {
    RuleTestHelper.forRule("contract-with-live-dependents")
        .applied(
            "V1__schema.sql",
            "CREATE TABLE plans (id bigint, title text);\n"
                + "CREATE VIEW plan_titles AS SELECT title FROM plans;\n")
        .proposed(
            "V2__drop_title.sql",
            """
            DROP VIEW plan_titles;
            -- expect: none
            ALTER TABLE plans DROP COLUMN title;
            """)
        .doTest();
  }

  @Test
  void negative_columnsNoViewOrFunctionUses() {
    RuleTestHelper.forRule("contract-with-live-dependents")
        .applied(
            "V1__schema.sql",
            SCHEMA.replace("  -- expect: related contract-with-live-dependents\n", ""))
        .proposed(
            "V2__drop_nickname.sql",
            """
            -- expect: none
            ALTER TABLE users DROP COLUMN nickname;
            -- expect: none
            DROP VIEW user_names;
            """)
        .doTest();
  }
}
