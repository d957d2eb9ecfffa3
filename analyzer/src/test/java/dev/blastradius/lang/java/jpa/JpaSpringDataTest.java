package dev.blastradius.lang.java.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/**
 * JPA mappings, Spring Data repositories and entity managers, resolved to columns at call sites.
 */
class JpaSpringDataTest {

  private static final String SCHEMA =
      """
      -- expect: ddl app_users.id, ddl app_users.created_at, ddl app_users.email_address, ddl app_users.display_name, ddl app_users.home_city, ddl app_users.home_zip, ddl app_users.team_id, ddl app_users.version
      CREATE TABLE app_users (id bigint, created_at timestamptz, email_address text, display_name text, home_city text, home_zip text, team_id bigint, version int);
      -- expect: ddl team.id, ddl team.team_name
      CREATE TABLE team (id bigint, team_name text);
      """;

  private static final String ENTITIES =
      """
      package app;

      import jakarta.persistence.*;
      import java.time.Instant;

      @MappedSuperclass
      abstract class BaseEntity {
        @Id @GeneratedValue Long id;
        @Column(updatable = false) Instant createdAt;
      }

      @Embeddable
      class Address {
        String city;
        String zip;
      }

      @Entity
      @Table(name = "app_users")
      @NamedQuery(name = "User.byCity", query = "select u from User u where u.home.city = :city")
      class User extends BaseEntity {
        @Column(name = "emailAddress") String email;
        String displayName;
        @Embedded
        @AttributeOverrides({
          @AttributeOverride(name = "city", column = @Column(name = "home_city")),
          @AttributeOverride(name = "zip", column = @Column(name = "home_zip"))
        })
        Address home;
        @ManyToOne Team team;
        @Version int version;
        @Transient String cached;
        transient String alsoNot;
      }

      @Entity
      class Team {
        @Id Long id;
        String teamName;
      }
      """;

  private static final String REPOSITORY =
      """
      package app;

      import java.util.List;
      import java.util.Optional;
      import org.springframework.data.jpa.repository.*;

      interface UserRepository extends JpaRepository<User, Long> {
        Optional<User> findByEmailIgnoreCase(String email);
        List<EmailOnly> findByTeamTeamNameOrderByCreatedAtDesc(String team);
        boolean existsByHomeCity(String city);
        long countByDisplayNameContaining(String part);
        @Query("select u.email from User u join u.team t where t.teamName = :name")
        List<String> emailsOfTeam(String name);
        @Modifying
        @Query("update User u set u.displayName = :name where u.id = :id")
        int rename(Long id, String name);
        @Query(value = "SELECT id FROM app_users WHERE home_zip = ?1", nativeQuery = true)
        List<Long> idsInZip(String zip);
      }

      interface EmailOnly {
        String getEmail();
      }
      """;

  private static final String SERVICE =
      """
      package app;

      import jakarta.persistence.EntityManager;
      import org.springframework.transaction.annotation.Transactional;
      import org.springframework.web.bind.annotation.*;

      @RestController
      class UserService {
        private final UserRepository users;
        private final EntityManager em;

        UserService(UserRepository users, EntityManager em) {
          this.users = users;
          this.em = em;
        }

        @GetMapping("/users/by-email")
        Object byEmail(String email) {
          // expect: read app_users.email_address @http, read app_users.id @http, read app_users.created_at @http, read app_users.display_name @http, read app_users.home_city @http, read app_users.home_zip @http, read app_users.team_id @http, read app_users.version @http
          return users.findByEmailIgnoreCase(email);
        }

        @GetMapping("/teams/{name}/emails")
        Object teamEmails(String name) {
          // expect: read team.team_name @http, read app_users.team_id @http, read app_users.created_at @http, read app_users.email_address @http
          var projected = users.findByTeamTeamNameOrderByCreatedAtDesc(name);
          // expect: read app_users.email_address @http, read app_users.team_id @http, read team.team_name @http
          return users.emailsOfTeam(name);
        }

        @PostMapping("/users/{id}/name")
        @Transactional
        void rename(Long id, String name) {
          // expect: write app_users.display_name @http, read app_users.id @http
          users.rename(id, name);
          // expect: read app_users.id @http, read app_users.created_at @http, read app_users.email_address @http, read app_users.display_name @http, read app_users.home_city @http, read app_users.home_zip @http, read app_users.team_id @http, read app_users.version @http
          User user = em.find(User.class, id);
          // expect: write app_users.display_name @http
          user.setDisplayName(name);
        }

        @PostMapping("/users")
        void create(User user) {
          // expect: write app_users.id @http, write app_users.created_at @http, write app_users.email_address @http, write app_users.display_name @http, write app_users.home_city @http, write app_users.home_zip @http, write app_users.team_id @http, write app_users.version @http
          users.save(user);
          // expect: read app_users.home_city @http
          boolean known = users.existsByHomeCity("x");
          // expect: read app_users.display_name @http, read app_users.* @http
          long count = users.countByDisplayNameContaining("a");
          // expect: read app_users.id @http, read app_users.home_zip @http
          var ids = users.idsInZip("1000");
          // expect: write app_users.* @http
          users.deleteById(1L);
          // expect: read app_users.id @http, read app_users.created_at @http, read app_users.email_address @http, read app_users.display_name @http, read app_users.home_city @http, read app_users.home_zip @http, read app_users.team_id @http, read app_users.version @http
          var inCity = em.createNamedQuery("User.byCity").getResultList();
        }
      }
      """;

  @Test
  void positive_repositoriesEntityManagersAndDirtyChecking() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .migration("V1__schema.sql", SCHEMA)
            .source("src/main/java/app/Entities.java", ENTITIES)
            .source("src/main/java/app/UserRepository.java", REPOSITORY)
            .source("src/main/java/app/UserService.java", SERVICE)
            .doTest();
    assertThat(result.notes())
        .anySatisfy(n -> assertThat(n.message()).contains("assumed Spring Boot's default"));
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void negative_settersOutsideTransactionsAndNonRepositoriesAreNotAccesses() {
    ExtractorTestHelper.create()
        .migration("V1__schema.sql", SCHEMA)
        .source("src/main/java/app/Entities.java", ENTITIES)
        .source(
            "src/main/java/app/Plain.java",
            """
            package app;

            import java.util.List;

            class Plain {
              private final Cache cache = new Cache();

              void run(User user) {
                // expect: none
                user.setDisplayName("x");
                // expect: none
                cache.findByEmail("e");
              }
            }

            class Cache {
              Object findByEmail(String email) { return null; }
            }
            """)
        .doTest();
  }

  private static final String BOARD_SCHEMA =
      """
      -- expect: ddl project.id, ddl project.title
      CREATE TABLE project (id bigint, title text);
      -- expect: ddl task.id, ddl task.summary, ddl task.project_id
      CREATE TABLE task (id bigint, summary text, project_id bigint);
      """;

  private static final String BOARD =
      """
      package app;

      import jakarta.persistence.*;
      import java.util.List;

      @Entity
      class Project {
        @Id Long id;
        String title;
        @OneToMany(mappedBy = "project") List<Task> tasks;
        @Transient Object cached;
        Object getCached() { return cached; }
      }

      @Entity
      class Task {
        @Id Long id;
        String summary;
        @ManyToOne(fetch = FetchType.LAZY) Project project;
      }
      """;

  @Test
  void positive_associationGettersLoadTheAssociatedEntities() {
    ExtractorTestHelper.create()
        .migration("V1__schema.sql", BOARD_SCHEMA)
        .source("src/main/java/app/Board.java", BOARD)
        .source(
            "src/main/java/app/BoardController.java",
            """
            package app;

            import org.springframework.transaction.annotation.Transactional;
            import org.springframework.web.bind.annotation.*;

            @RestController
            class BoardController {
              private final TaskRepository tasks;
              private final ProjectRepository projects;

              BoardController(TaskRepository tasks, ProjectRepository projects) {
                this.tasks = tasks;
                this.projects = projects;
              }

              @GetMapping("/tasks/{id}/project")
              @Transactional(readOnly = true)
              String projectOf(Long id) {
                // expect: read task.id @http, read task.summary @http, read task.project_id @http
                Task task = tasks.getReferenceById(id);
                // expect: read project.id @http, read project.title @http
                Project project = task.getProject();
                return project.title;
              }

              @GetMapping("/projects/{id}/tasks")
              @Transactional
              int tasksOf(Long id) {
                int[] count = {0};
                // expect: read project.id @http, read project.title @http
                projects.findById(id).ifPresent(
                    // expect: read task.id @http, read task.summary @http, read task.project_id @http
                    p -> count[0] = p.getTasks().size());
                return count[0];
              }
            }

            interface TaskRepository extends org.springframework.data.jpa.repository.JpaRepository<Task, Long> {}

            interface ProjectRepository extends org.springframework.data.jpa.repository.JpaRepository<Project, Long> {}
            """)
        .doTest();
  }

  @Test
  void positive_entityGraphsFetchTheAssociatedEntitiesWithTheLoad() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .migration("V1__schema.sql", BOARD_SCHEMA)
            .source("src/main/java/app/Board.java", BOARD)
            .source(
                "src/main/java/app/TaskRepository.java",
                """
                package app;

                import java.util.List;
                import java.util.Optional;
                import org.springframework.data.jpa.repository.*;

                interface TaskRepository extends JpaRepository<Task, Long> {
                  @EntityGraph(attributePaths = "project")
                  List<Task> findBySummary(String summary);
                  @EntityGraph(attributePaths = {"project.tasks"})
                  Optional<Task> findById(Long id);
                  @EntityGraph(attributePaths = "project")
                  boolean existsBySummary(String summary);
                  @EntityGraph(attributePaths = "owner")
                  List<Task> findAll();
                }
                """)
            .source(
                "src/main/java/app/TaskJob.java",
                """
                package app;

                import org.springframework.scheduling.annotation.Scheduled;

                class TaskJob {
                  private final TaskRepository tasks;

                  TaskJob(TaskRepository tasks) {
                    this.tasks = tasks;
                  }

                  @Scheduled(cron = "0 0 * * * *")
                  void run() {
                    // expect: read task.summary @cron, read task.id @cron, read task.project_id @cron, read project.id @cron, read project.title @cron
                    var bySummary = tasks.findBySummary("x");
                    // expect: read task.id @cron, read task.summary @cron, read task.project_id @cron, read project.id @cron, read project.title @cron
                    var one = tasks.findById(1L);
                    // expect: read task.summary @cron
                    boolean exists = tasks.existsBySummary("x");
                    // expect: read task.id @cron, read task.summary @cron, read task.project_id @cron
                    var all = tasks.findAll();
                  }
                }
                """)
            .doTest();
    assertThat(result.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.cause()).contains("@EntityGraph path owner"));
  }

  @Test
  void negative_gettersOutsideTransactionsOfBasicOrTransientPropertiesAndOtherClassesLoadNothing() {
    ExtractorTestHelper.create()
        .migration("V1__schema.sql", BOARD_SCHEMA)
        .source("src/main/java/app/Board.java", BOARD)
        .source(
            "src/main/java/app/Plain.java",
            """
            package app;

            import org.springframework.transaction.annotation.Transactional;

            class Detached {
              Object outsideATransaction(Task task) {
                // expect: none
                return task.getProject();
              }

              @Transactional
              Object fromARequestBody(Task task) {
                // expect: none
                return task.getProject();
              }
            }

            @Transactional
            class Plain {
              Object run(Long id, Folder folder) {
                Project project = new Project();
                // expect: none
                Object title = project.getTitle();
                // expect: none
                Object cached = project.getCached();
                // expect: none
                Object byKey = project.getTasks("open");
                // expect: none
                return folder.getTasks();
              }
            }

            class Folder {
              java.util.List<Task> tasks;
              java.util.List<Task> getTasks() { return tasks; }
            }
            """)
        .doTest();
  }

  @Test
  void positive_lambdaParametersAndVarsTypedByWhatRepositoriesReturn() {
    String all =
        "read app_users.id, read app_users.created_at, read app_users.email_address,"
            + " read app_users.display_name, read app_users.home_city, read app_users.home_zip,"
            + " read app_users.team_id, read app_users.version";
    ExtractorTestHelper.create()
        .migration("V1__schema.sql", SCHEMA)
        .source("src/main/java/app/Entities.java", ENTITIES)
        .source("src/main/java/app/UserRepository.java", REPOSITORY)
        .source(
            "src/main/java/app/Renamer.java",
            """
            package app;

            import org.springframework.transaction.annotation.Transactional;

            @Transactional
            class Renamer {
              private UserRepository users;

              void byLambda(long id) {
                // expect: ALL, write app_users.display_name
                users.findById(id).ifPresent(user -> user.setDisplayName("x"));
              }

              void byStream() {
                // expect: ALL, write app_users.email_address
                users.findAll().stream().filter(u -> u.version > 0).forEach(u -> u.setEmail("e"));
              }

              void byVar(long id) {
                // expect: ALL
                var user = users.findById(id).orElseThrow();
                // expect: write app_users.home_city, write app_users.home_zip
                user.setHome(null);
              }

              void byDeclaredFinder() {
                // expect: ALL, write app_users.display_name
                users.findByEmailIgnoreCase("e").ifPresent(u -> u.setDisplayName("y"));
              }
            }
            """
                .replace("ALL", all))
        .doTest();
  }

  @Test
  void negative_lambdaParametersOfOtherSourcesAreNotEntities() {
    ExtractorTestHelper.create()
        .migration("V1__schema.sql", SCHEMA)
        .source("src/main/java/app/Entities.java", ENTITIES)
        .source("src/main/java/app/UserRepository.java", REPOSITORY)
        .source(
            "src/main/java/app/Other.java",
            """
            package app;

            import java.util.List;
            import org.springframework.transaction.annotation.Transactional;

            @Transactional
            class Other {
              private UserRepository users;
              private List<User> detached;

              void run() {
                // A list of ours, not a repository's result: not a managed entity.
                // expect: none
                detached.forEach(u -> u.setDisplayName("x"));
                // A typed parameter the call graph already sees; a repository method that is not a finder.
                // expect: none
                users.flush();
              }
            }
            """)
        .doTest();
  }

  @Test
  void positive_standardNamingStrategyKeepsNamesAsWritten() {
    ExtractorTestHelper.create()
        .source(
            "src/main/resources/application.properties",
            "spring.jpa.hibernate.naming.physical-strategy=org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl\n")
        .migration(
            "V1__schema.sql",
            """
            -- expect: ddl account.id, ddl account.fullname
            CREATE TABLE Account (id bigint, fullName text);
            """)
        .source(
            "src/main/java/app/Account.java",
            """
            package app;

            import jakarta.persistence.*;
            import org.springframework.data.repository.CrudRepository;

            @Entity
            class Account {
              @Id Long id;
              String fullName;
            }

            interface Accounts extends CrudRepository<Account, Long> {}

            class Reader {
              private Accounts accounts;

              Object all() {
                // expect: read account.id, read account.fullname
                return accounts.findAll();
              }
            }
            """)
        .doTest();
  }

  private static final String MEMBER =
      """
      package app;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "member")
      class Member {
        @Id @Column(name = "member_id") Long id;
        String email;
        String passwordHash;
      }
      """;

  private static final String MEMBER_REPOSITORY =
      """
      package app;

      import java.util.List;
      import org.springframework.data.jpa.repository.*;

      interface MemberRepository extends JpaRepository<Member, Long> {
        @Query(value = "SELECT m.* FROM member m, member_role r WHERE "
            + "m.member_id = r.member_id AND r.role_id = ?1", nativeQuery = true)
        List<Member> inRole(Long role);
        @Query(value = "SELECT a.* FROM audit a WHERE a.member_id = ?1", nativeQuery = true)
        List<Object[]> audit(Long member);
      }
      """;

  @Test
  void positive_nativeStarExpandsThroughTheEntityWhenNoMigrationDeclaresTheTable() {
    ExtractorTestHelper.create()
        .source("src/main/java/app/Member.java", MEMBER)
        .source("src/main/java/app/MemberRepository.java", MEMBER_REPOSITORY)
        .source(
            "src/main/java/app/Members.java",
            """
            package app;

            class Members {
              private final MemberRepository members;

              Members(MemberRepository members) {
                this.members = members;
              }

              Object run() {
                // expect: read member.member_id, read member.email, read member.password_hash, read member_role.member_id, read member_role.role_id
                return members.inRole(1L);
              }
            }
            """)
        .doTest();
  }

  @Test
  void negative_theReplayedCatalogWinsAndUnmappedTablesStayWhole() {
    ExtractorTestHelper.create()
        .migration(
            "V1__member.sql",
            """
            -- expect: ddl member.member_id, ddl member.email
            CREATE TABLE member (member_id bigint, email text);
            """)
        .source("src/main/java/app/Member.java", MEMBER)
        .source("src/main/java/app/MemberRepository.java", MEMBER_REPOSITORY)
        .source(
            "src/main/java/app/Members.java",
            """
            package app;

            class Members {
              private final MemberRepository members;

              Members(MemberRepository members) {
                this.members = members;
              }

              Object run() {
                // expect: read member.member_id, read member.email, read member_role.member_id, read member_role.role_id
                var inRole = members.inRole(1L);
                // expect: read audit.*, read audit.member_id
                return members.audit(1L);
              }
            }
            """)
        .doTest();
  }
}
