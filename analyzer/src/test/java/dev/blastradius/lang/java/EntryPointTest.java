package dev.blastradius.lang.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Entry points on Spring and plain-Java methods, propagated up the call graph to accesses. */
class EntryPointTest {

  private static final String DAO =
      """
      package app;

      import org.springframework.jdbc.core.JdbcTemplate;

      public class UserDao {
        private final JdbcTemplate jdbc;

        public UserDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }

        public String name(long id) {
          // expect: read users.name @http @cron @worker @listener @script @admin @webhook, read users.id @http @cron @worker @listener @script @admin @webhook
          return jdbc.queryForObject("SELECT name FROM users WHERE id = ?", String.class, id);
        }
      }
      """;

  private static final String CALLERS =
      """
      package app;

      import org.springframework.web.bind.annotation.*;
      import org.springframework.scheduling.annotation.Scheduled;
      import org.springframework.kafka.annotation.KafkaListener;
      import org.springframework.jms.annotation.JmsListener;

      @RestController
      @RequestMapping("/api")
      class Api {
        private final UserDao users;
        Api(UserDao users) { this.users = users; }

        @GetMapping("/users/{id}")
        String get(@PathVariable long id) { return users.name(id); }

        @RequestMapping(value = "/hooks/stripe-webhook", method = RequestMethod.POST)
        void hook() { helper(); }

        private void helper() { users.name(1L); }
      }

      @RestController
      class AdminApi {
        private final UserDao users;
        AdminApi(UserDao users) { this.users = users; }

        @DeleteMapping("/admin/users/{id}")
        void delete(@PathVariable long id) { users.name(id); }
      }

      class Jobs {
        private UserDao users;

        @Scheduled(cron = "0 0 * * * *")
        void hourly() { users.name(1L); }

        @KafkaListener(topics = {"a", "b"})
        void consume(String message) { users.name(2L); }

        @JmsListener(destination = "q.users")
        void onMessage(String message) { users.name(3L); }
      }

      class Tool {
        public static void main(String[] args) { new Tool().go(); }
        void go() { users().name(4L); }
        UserDao users() { return null; }
      }
      """;

  @Test
  void positive_entryPointsReachAccessesThroughCalls() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .migration(
                "V1__users.sql",
                """
                -- expect: ddl users.id, ddl users.name
                CREATE TABLE users (id bigint, name text);
                """)
            .source("src/main/java/app/UserDao.java", DAO)
            .source("src/main/java/app/Callers.java", CALLERS)
            .doTest();
    Access read =
        result.graph().accesses().stream()
            .filter(a -> a.column().column().equals("name") && a.kind().jsonName().equals("read"))
            .findFirst()
            .orElseThrow();
    List<String> labels = read.entryPoints().stream().map(EntryPoint::label).toList();
    assertThat(labels)
        .containsExactlyInAnyOrder(
            "http GET /api/users/{id}",
            "webhook POST /api/hooks/stripe-webhook",
            "admin DELETE /admin/users/{id}",
            "cron Jobs.hourly (cron 0 0 * * * *)",
            "worker kafka a,b",
            "listener jms q.users",
            "script Tool.main");
  }

  @Test
  void negative_unreachedCodeHasNoEntryPointAndRecursionTerminates() {
    ExtractorTestHelper.create()
        .migration(
            "V1__users.sql",
            """
            -- expect: ddl users.id, ddl users.name
            CREATE TABLE users (id bigint, name text);
            """)
        .source(
            "src/main/java/app/Orphan.java",
            """
            package app;

            import org.springframework.jdbc.core.JdbcTemplate;

            class Orphan {
              private JdbcTemplate jdbc;

              void a() { b(); }

              void b() {
                a();
                // expect: read users.name @none
                jdbc.queryForList("SELECT name FROM users");
              }
            }
            """)
        .doTest();
  }

  @Test
  void negative_receiverTypesKeepSameNamedMethodsApart() {
    ExtractorTestHelper.create()
        .migration(
            "V1__users.sql",
            """
            -- expect: ddl users.id, ddl users.name
            CREATE TABLE users (id bigint, name text);
            """)
        .source(
            "src/main/java/app/Two.java",
            """
            package app;

            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.scheduling.annotation.Scheduled;

            class Reader {
              private JdbcTemplate jdbc;

              void load() {
                // expect: read users.name @none
                jdbc.queryForList("SELECT name FROM users");
              }
            }

            class Cache {
              void load() {}
            }

            class Job {
              private Cache cache;

              @Scheduled(fixedRate = 1000)
              void tick() { cache.load(); }
            }
            """)
        .doTest();
  }

  @Test
  void positive_testSourcesAreTestEntryPoints() {
    ExtractorTestHelper.create()
        .migration(
            "V1__users.sql",
            """
            -- expect: ddl users.id, ddl users.name
            CREATE TABLE users (id bigint, name text);
            """)
        .source(
            "src/test/java/app/UserIT.java",
            """
            package app;

            import org.springframework.jdbc.core.JdbcTemplate;

            class UserIT {
              private JdbcTemplate jdbc;

              void cleans() {
                // expect: write users.* @test
                jdbc.update("DELETE FROM users");
              }
            }
            """)
        .doTest();
  }
}
