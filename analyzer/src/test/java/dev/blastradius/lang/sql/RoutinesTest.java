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

  @Test
  void positive_mysqlTriggersAndProceduresAreReadAndInheritTheirCallers() {
    ExtractorTestHelper.create()
        .dialect(dev.blastradius.schema.SqlDialect.MYSQL)
        .migration(
            "V1__tables.sql",
            """
            -- expect: ddl users.id @migration, ddl users.email @migration, ddl users.name @migration, ddl users.updated_at @migration
            CREATE TABLE users (id bigint PRIMARY KEY, email varchar(200), name varchar(200), updated_at datetime);
            -- expect: ddl audit.user_id @migration, ddl audit.old_email @migration
            CREATE TABLE audit (user_id bigint, old_email varchar(200));
            """)
        .migration(
            "V2__routines.sql",
            """
            DELIMITER //
            CREATE DEFINER=`app`@`%` TRIGGER users_audit BEFORE UPDATE ON users FOR EACH ROW
            BEGIN
              -- expect: read users.email @script
              IF NEW.email <> OLD.email THEN
                -- expect: write audit.user_id @script, write audit.old_email @script, read users.id @script, read users.email @script
                INSERT INTO audit (user_id, old_email) VALUES (OLD.id, OLD.email);
              END IF;
              -- expect: write users.updated_at @script
              SET NEW.updated_at = NOW();
            END//
            CREATE PROCEDURE rename_users(IN prefix varchar(20))
            COMMENT 'renames in batches'
            MODIFIES SQL DATA
            SQL SECURITY INVOKER
            main: BEGIN
              DECLARE done int DEFAULT 0;
              DECLARE uid bigint;
              -- expect: read users.id @script, read users.name @script
              DECLARE pending CURSOR FOR SELECT id FROM users WHERE name IS NULL;
              DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;
              OPEN pending;
              fetching: REPEAT
                FETCH pending INTO uid;
                IF done = 1 THEN
                  LEAVE fetching;
                END IF;
                -- expect: write users.name @script, read users.id @script, read users.email @script
                UPDATE users SET name = CONCAT(prefix, email) WHERE id = uid;
              UNTIL done = 1 END REPEAT;
              CLOSE pending;
              WHILE done = 0 DO
                -- expect: write audit.user_id @script, write audit.old_email @script
                REPLACE INTO audit (user_id, old_email) VALUES (0, '');
                SET done = 1;
              END WHILE;
            END//
            CREATE FUNCTION user_count() RETURNS int DETERMINISTIC
            -- expect: read users.* @script
            RETURN (SELECT count(*) FROM users)//
            DELIMITER ;
            """)
        .source(
            "scripts/nightly.sh",
            """
            #!/bin/sh
            mysql app -e "CALL rename_users('user-')"
            # expect: read users.id @script, read users.email @script, write users.email @script
            mysql app -e "UPDATE users SET email = lower(email) WHERE id = 1"
            mysql app -e "SELECT user_count()"
            """)
        .doTest();
  }

  @Test
  void negative_mysqlDynamicSqlInARoutineIsAProblemNotASilentGap() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .dialect(dev.blastradius.schema.SqlDialect.MYSQL)
            .migration(
                "V1__tables.sql",
                """
                -- expect: ddl users.id @migration
                CREATE TABLE users (id bigint PRIMARY KEY);
                """)
            .migration(
                "V2__dynamic.sql",
                """
                DELIMITER //
                CREATE PROCEDURE purge(IN t varchar(64))
                BEGIN
                  SET @q = CONCAT('DELETE FROM ', t);
                  PREPARE s FROM @q;
                  EXECUTE s;
                  DEALLOCATE PREPARE s;
                  -- expect: read users.id @unknown
                  PREPARE fixed FROM 'SELECT id FROM users';
                END//
                DELIMITER ;
                """)
            .doTest();
    assertThat(result.problems())
        .extracting(p -> p.line() + " " + p.cause())
        .containsExactly("5 dynamic SQL (PREPARE of a built string) is not analysed");
  }
}
