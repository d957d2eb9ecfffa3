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
  void positive_shedLockNamesTheLockOfAScheduledJob() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .migration(
                "V1__users.sql",
                """
                -- expect: ddl users.id, ddl users.name
                CREATE TABLE users (id bigint, name text);
                """)
            .source(
                "src/main/java/app/Jobs.java",
                """
                package app;

                import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
                import org.springframework.jdbc.core.JdbcTemplate;
                import org.springframework.scheduling.annotation.Scheduled;

                class Jobs {
                  private JdbcTemplate jdbc;

                  @Scheduled(cron = "0 */5 * * * *")
                  @SchedulerLock(name = "purgeNames", lockAtMostFor = "PT4M")
                  void purge() {
                    // expect: write users.name @cron
                    jdbc.update("UPDATE users SET name = NULL");
                  }

                  @Scheduled(fixedDelay = 60000)
                  void count() {
                    // expect: read users.* @cron
                    jdbc.queryForObject("SELECT count(*) FROM users", Long.class);
                  }
                }
                """)
            .doTest();
    assertThat(
            result.graph().accesses().stream()
                .flatMap(a -> a.entryPoints().stream())
                .filter(e -> e.kind() == dev.blastradius.graph.EntryPointKind.CRON)
                .map(e -> e.name())
                .distinct()
                .sorted())
        .containsExactly(
            "Jobs.count (fixedDelay 60000)",
            "Jobs.purge (cron 0 */5 * * * *, ShedLock purgeNames)");
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

  private static final String MORE_CALLERS =
      """
      package app;

      import jakarta.ws.rs.*;
      import jakarta.servlet.annotation.WebServlet;
      import jakarta.servlet.http.*;
      import org.quartz.Job;
      import org.quartz.JobExecutionContext;
      import org.springframework.batch.item.ItemWriter;
      import org.springframework.boot.CommandLineRunner;
      import org.springframework.context.event.EventListener;
      import org.springframework.amqp.rabbit.annotation.RabbitListener;
      import org.springframework.web.bind.annotation.*;
      import org.springframework.web.servlet.function.RouterFunction;
      import static org.springframework.web.servlet.function.RouterFunctions.route;

      @Path("/v2")
      class Resource {
        private UserDao users;

        @GET
        @Path("users/{id}")
        public String get(@PathParam("id") long id) { return users.name(id); }
      }

      @WebServlet("/legacy/users")
      class LegacyServlet extends HttpServlet {
        private UserDao users;

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) { users.name(5L); }
      }

      class Nightly implements Job {
        private UserDao users;

        public void execute(JobExecutionContext context) { users.name(6L); }
      }

      class Export implements ItemWriter<String> {
        private UserDao users;

        public void write(Object chunk) { users.name(7L); }
      }

      class Seed implements CommandLineRunner {
        private UserDao users;

        public void run(String... args) { users.name(8L); }
      }

      class Events {
        private UserDao users;

        @EventListener
        void on(UserCreated event) { users.name(9L); }

        @RabbitListener(queues = "emails")
        void mail(String body) { users.name(10L); }
      }

      @RestController
      class Payments {
        private UserDao users;

        @PostMapping("/payments/notify")
        void notify(@RequestHeader("Stripe-Signature") String signature, @RequestBody String body) {
          users.name(11L);
        }
      }

      class Routes {
        RouterFunction<?> routes(UserHandler handler) {
          return route().GET("/fn/users/{id}", handler::get).build();
        }
      }

      class UserHandler {
        private UserDao users;

        Object get(Object request) { return users.name(12L); }
      }
      """;

  @Test
  void positive_jaxRsServletsJobsEventsAndFunctionalRoutesAreEntryPoints() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .migration(
                "V1__users.sql",
                """
                -- expect: ddl users.id, ddl users.name
                CREATE TABLE users (id bigint, name text);
                """)
            .source(
                "src/main/java/app/UserDao.java",
                DAO.replace(
                    "@http @cron @worker @listener @script @admin @webhook",
                    "@http @cron @worker @listener @script @webhook"))
            .source("src/main/java/app/MoreCallers.java", MORE_CALLERS)
            .doTest();
    Access read =
        result.graph().accesses().stream()
            .filter(a -> a.column().column().equals("name") && a.kind().jsonName().equals("read"))
            .findFirst()
            .orElseThrow();
    assertThat(read.entryPoints().stream().map(EntryPoint::label).toList())
        .containsExactlyInAnyOrder(
            "http GET /v2/users/{id}",
            "http POST /legacy/users",
            "cron quartz Nightly.execute",
            "worker batch Export.write",
            "script runner Seed.run",
            "listener event UserCreated",
            "worker rabbit emails",
            "webhook POST /payments/notify",
            "http GET /fn/users/{id}");
  }

  @Test
  void negative_lookalikesAreNotEntryPoints() {
    ExtractorTestHelper.create()
        .migration(
            "V1__users.sql",
            """
            -- expect: ddl users.id, ddl users.name
            CREATE TABLE users (id bigint, name text);
            """)
        .source(
            "src/main/java/app/Lookalikes.java",
            """
            package app;

            import org.springframework.jdbc.core.JdbcTemplate;

            // No @Path on the class: a @GET method alone is not routed.
            class NotAResource {
              private JdbcTemplate jdbc;

              @GET
              String get() {
                // expect: read users.name @none
                return jdbc.queryForObject("SELECT name FROM users", String.class);
              }
            }

            // doPost on a class that is not a servlet.
            class Poster {
              private JdbcTemplate jdbc;

              void doPost() {
                // expect: write users.name @none
                jdbc.update("UPDATE users SET name = 'x'");
              }
            }

            // execute() without implementing Job; GET(...) without a handler reference.
            class Runner {
              private JdbcTemplate jdbc;

              void execute() {
                // expect: write users.* @none
                jdbc.update("DELETE FROM users");
                Object notARoute = GET("/x");
              }

              Object GET(String path) { return null; }
            }
            """)
        .doTest();
  }

  private static final String LOGINS =
      """
      package app;

      import org.springframework.security.core.userdetails.*;
      import org.apache.shiro.realm.AuthorizingRealm;

      class AccountDetails implements UserDetailsService {
        private UserDao users;

        @Override
        public UserDetails loadUserByUsername(String name) { users.name(1L); return null; }
      }

      class AccountRealm extends AuthorizingRealm {
        private UserDao users;

        @Override
        protected Object doGetAuthenticationInfo(Object token) { users.name(2L); return null; }
      }
      """;

  @Test
  void positive_securityCallbacksRunOnHttpLogins() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .migration(
                "V1__users.sql",
                """
                -- expect: ddl users.id, ddl users.name
                CREATE TABLE users (id bigint, name text);
                """)
            .source(
                "src/main/java/app/UserDao.java",
                DAO.replace("@http @cron @worker @listener @script @admin @webhook", "@http"))
            .source("src/main/java/app/Logins.java", LOGINS)
            .doTest();
    Access read =
        result.graph().accesses().stream()
            .filter(a -> a.column().column().equals("name"))
            .findFirst()
            .orElseThrow();
    assertThat(read.entryPoints().stream().map(EntryPoint::label).toList())
        .containsExactlyInAnyOrder(
            "http spring-security AccountDetails.loadUserByUsername",
            "http shiro AccountRealm.doGetAuthenticationInfo");
  }

  @Test
  void negative_sameNamedMethodsOutsideSecurityTypesAreNotEntryPoints() {
    ExtractorTestHelper.create()
        .migration(
            "V1__users.sql",
            """
            -- expect: ddl users.id, ddl users.name
            CREATE TABLE users (id bigint, name text);
            """)
        .source(
            "src/main/java/app/UserDao.java",
            DAO.replace("@http @cron @worker @listener @script @admin @webhook", "@none"))
        .source(
            "src/main/java/app/Lookalikes.java",
            """
            package app;

            // Not a UserDetailsService: a method of the same name is just a method.
            class Accounts {
              private UserDao users;

              public Object loadUserByUsername(String name) { users.name(1L); return null; }
            }

            // A realm interface declaration is not an implementation.
            interface Realm extends AuthorizingRealm {
              default Object doGetAuthenticationInfo(Object token) { return null; }
            }
            """)
        .doTest();
  }
}
