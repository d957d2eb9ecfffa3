package dev.blastradius.lang.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Functions, triggers and pg_cron jobs defined by migrations: their bodies' accesses carry {@code
 * plpgsql} and inherit the entry points of what calls them.
 */
class RoutinesTest {

  private static final String TABLES =
      """
      -- expect: ddl users.id @migration, ddl users.email @migration, ddl users.updated_at @migration, ddl users.created_at @migration
      CREATE TABLE users (id bigint PRIMARY KEY, email text, updated_at timestamptz, created_at timestamptz);
      -- expect: ddl audit.user_id @migration, ddl audit.note @migration, ddl audit.created_at @migration
      CREATE TABLE audit (user_id bigint, note text, created_at timestamptz DEFAULT now());
      -- expect: ddl archive.id @migration, ddl archive.email @migration
      CREATE TABLE archive (id bigint, email text);
      """;

  private static final String JAVA =
      """
      package app;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.scheduling.annotation.Scheduled;
      import org.springframework.web.bind.annotation.PostMapping;
      import org.springframework.web.bind.annotation.RestController;

      @RestController
      class Admin {
        private JdbcTemplate jdbc;

        @PostMapping("/admin/archive")
        void archive() {
          // expect: none
          jdbc.queryForObject("SELECT archive_users(30)", Integer.class);
        }

        @Scheduled(cron = "0 0 * * * *")
        void normalise() {
          // expect: write users.email @cron, read users.email @cron
          jdbc.update("UPDATE users SET email = lower(email)");
        }
      }
      """;

  @Test
  void positive_functionsTriggersAndJobsInheritTheirCallers() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .migration("V1__tables.sql", TABLES)
            .migration(
                "V2__archive.sql",
                """
                CREATE FUNCTION archive_users(days int) RETURNS int LANGUAGE plpgsql AS $$
                BEGIN
                  -- superseded by V3: these accesses are not current
                  DELETE FROM users WHERE created_at < now() - make_interval(days => days);
                  RETURN 0;
                END $$;
                """)
            .migration(
                "V3__archive_v2.sql",
                """
                CREATE OR REPLACE FUNCTION archive_users(days int) RETURNS int LANGUAGE plpgsql AS $$
                DECLARE
                  moved int;
                BEGIN
                  -- expect: write archive.id @admin, write archive.email @admin, read users.id @admin, read users.email @admin, read users.created_at @admin
                  INSERT INTO archive (id, email) SELECT id, email FROM users WHERE created_at < now() - make_interval(days => days);
                  GET DIAGNOSTICS moved = ROW_COUNT;
                  RETURN moved;
                END $$;
                """)
            .migration(
                "V4__touch.sql",
                """
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  -- expect: write users.updated_at @cron
                  NEW.updated_at := now();
                  -- expect: read users.email @cron
                  IF NEW.email IS DISTINCT FROM OLD.email THEN
                    -- expect: write audit.user_id @cron, write audit.note @cron, read users.id @cron
                    INSERT INTO audit (user_id, note) VALUES (NEW.id, 'email changed');
                  END IF;
                  RETURN NEW;
                END $$;
                CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();
                """)
            .migration(
                "V5__jobs.sql",
                """
                -- expect: write audit.* @cron, read audit.created_at @cron
                SELECT cron.schedule('purge-audit', '0 3 * * *', $$DELETE FROM audit WHERE created_at < now() - interval '90 days'$$);
                CREATE FUNCTION unused_report() RETURNS SETOF text LANGUAGE sql AS $$
                  -- expect: read users.email @unknown
                  SELECT email FROM users
                $$;
                """)
            .source("src/main/java/app/Admin.java", JAVA)
            .doTest();
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.column().table().equals("audit") && a.column().column().equals("*"))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.entryPoints().get(0).name())
                    .isEqualTo("pg_cron purge-audit (0 3 * * *)"));
    assertThat(result.graph().accesses())
        .filteredOn(
            a -> a.location().path().endsWith("V5__jobs.sql") && a.column().table().equals("users"))
        .singleElement()
        .satisfies(
            a -> assertThat(a.entryPoints().get(0).name()).isEqualTo("function unused_report()"));
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void positive_setReturningFunctionsCalledInFromInheritTheirCaller() {
    ExtractorTestHelper.create()
        .migration("V1__tables.sql", TABLES)
        .migration(
            "V2__recent.sql",
            """
            CREATE FUNCTION recent_emails(days int) RETURNS SETOF text LANGUAGE sql AS $$
              -- expect: read users.email @http, read users.created_at @http
              SELECT email FROM users WHERE created_at > now() - make_interval(days => days)
            $$;
            """)
        .source(
            "src/main/java/app/Recent.java",
            """
            package app;

            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            class Recent {
              private JdbcTemplate jdbc;

              @GetMapping("/recent")
              Object recent() {
                // expect: none
                return jdbc.queryForList("SELECT * FROM recent_emails(7) AS e(email)");
              }
            }
            """)
        .doTest();
  }

  @Test
  void negative_dynamicSqlAndOpaqueLanguagesAreProblems() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .migration("V1__tables.sql", TABLES)
            .migration(
                "V2__dynamic.sql",
                """
                CREATE FUNCTION purge(t text) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  EXECUTE format('DELETE FROM %I', t);
                END $$;
                CREATE FUNCTION py() RETURNS int LANGUAGE plpython3u AS $$ return 1 $$;
                """)
            .source(
                "queries/q.sql",
                """
                -- expect: read users.email
                SELECT email FROM users;
                """)
            .doTest();
    assertThat(result.problems())
        .extracting(p -> p.line() + " " + p.cause())
        .containsExactly(
            "3 dynamic SQL (EXECUTE of a built string) is not analysed",
            "5 the body of py() is plpython3u, which blastradius cannot read: its database accesses are missing");
  }
}
