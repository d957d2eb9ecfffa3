package dev.blastradius.rules.expandcontract;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/** new-code-vs-old-schema: new code that needs what the release's migration creates. */
class NewCodeVsOldSchemaTest {

  private static final String USERS =
      "CREATE TABLE users (id bigint PRIMARY KEY, name text, email text);\n";

  private static final String API =
      """
      package app;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.web.bind.annotation.*;

      @RestController
      class UserApi {
        private JdbcTemplate jdbc;

        @GetMapping("/users/{id}")
        Object show(long id) {
          // MARK
          return jdbc.queryForMap("SELECT QUERY", id);
        }
      }
      """;

  private static String api(String query, String marker) {
    return API.replace("QUERY", query).replace("// MARK", marker);
  }

  @Test
  void positive_newCodeReadsTheColumnTheReleaseAdds() {
    RuleTestHelper.forRule("new-code-vs-old-schema")
        .applied("V1__users.sql", USERS)
        .atBase("src/main/java/app/UserApi.java", api("name FROM users WHERE id = ?", "//"))
        .source(
            "src/main/java/app/UserApi.java",
            api(
                "name, locale FROM users WHERE id = ?",
                "// expect: related new-code-vs-old-schema"))
        .addedSinceBase(
            "V2__add_locale.sql",
            """
            -- expect: finding new-code-vs-old-schema ~ "users.locale exists only once this migration has run, but the new code uses it at 1 code site (reached from 1 entry point: http GET /users/{id}): deployed before the migration, or after rolling it back, that code fails."
            ALTER TABLE users ADD COLUMN locale text;
            """)
        .doTest();
  }

  @Test
  void positive_newCodeUsesACreatedTable() {
    RuleTestHelper.forRule("new-code-vs-old-schema")
        .applied("V1__users.sql", USERS)
        .atBase("src/main/java/app/UserApi.java", api("name FROM users WHERE id = ?", "//"))
        .source(
            "src/main/java/app/UserApi.java",
            api(
                "theme FROM preferences WHERE user_id = ?",
                "// expect: related new-code-vs-old-schema, related new-code-vs-old-schema"))
        .addedSinceBase(
            "V2__preferences.sql",
            """
            -- expect: finding new-code-vs-old-schema ~ "table preferences exists only once"
            CREATE TABLE preferences (user_id bigint PRIMARY KEY, theme text);
            """)
        .doTest();
  }

  @Test
  void positive_newCodeUsesTheNewNameOfARenamedColumn() {
    RuleTestHelper.forRule("new-code-vs-old-schema")
        .applied("V1__users.sql", USERS)
        .atBase("src/main/java/app/UserApi.java", api("email FROM users WHERE id = ?", "//"))
        .source(
            "src/main/java/app/UserApi.java",
            api(
                "email_address FROM users WHERE id = ?",
                "// expect: related new-code-vs-old-schema"))
        .addedSinceBase(
            "V2__rename_email.sql",
            """
            -- expect: finding new-code-vs-old-schema ~ "users.email_address exists only once"
            ALTER TABLE users RENAME COLUMN email TO email_address;
            """)
        .doTest();
  }

  @Test
  void negative_columnAddedButNotYetUsed() {
    RuleTestHelper.forRule("new-code-vs-old-schema")
        .applied("V1__users.sql", USERS)
        .unchanged("src/main/java/app/UserApi.java", api("name FROM users WHERE id = ?", "//"))
        .addedSinceBase(
            "V2__add_locale.sql",
            """
            -- expect: none
            ALTER TABLE users ADD COLUMN locale text;
            """)
        .doTest();
  }

  @Test
  void negative_columnThatAlreadyExisted() {
    RuleTestHelper.forRule("new-code-vs-old-schema")
        .applied("V1__users.sql", USERS)
        .atBase("src/main/java/app/UserApi.java", api("name FROM users WHERE id = ?", "//"))
        .source("src/main/java/app/UserApi.java", api("email FROM users WHERE id = ?", "//"))
        .addedSinceBase(
            "V2__add_email.sql",
            """
            -- expect: none
            ALTER TABLE users ADD COLUMN IF NOT EXISTS email text;
            """)
        .doTest();
  }

  @Test
  void negative_withoutBaseTheCodeMayAlreadyRun() {
    RuleTestHelper.forRule("new-code-vs-old-schema")
        .applied("V1__users.sql", USERS)
        .source("src/main/java/app/UserApi.java", api("locale FROM users WHERE id = ?", "//"))
        .proposed(
            "V2__add_locale.sql",
            """
            -- expect: none
            ALTER TABLE users ADD COLUMN locale text;
            """)
        .doTest();
  }
}
