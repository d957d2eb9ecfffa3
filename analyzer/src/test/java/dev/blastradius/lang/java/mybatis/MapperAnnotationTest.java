package dev.blastradius.lang.java.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.Confidence;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.testing.ExtractorTestHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MyBatis annotation mappers, providers and SqlSession calls, reached from their callers. */
class MapperAnnotationTest {

  private static ExtractorTestHelper withUsers() {
    return ExtractorTestHelper.create()
        .migration(
            "V1__users.sql",
            """
            -- expect: ddl users.id, ddl users.email, ddl users.name, ddl users.status
            CREATE TABLE users (id bigint PRIMARY KEY, email text, name text, status text);
            """);
  }

  private static List<Access> accessesIn(AnalysisResult result, String file) {
    return result.graph().accesses().stream()
        .filter(a -> a.location().path().endsWith(file))
        .toList();
  }

  @Test
  void positive_statementAnnotationsReachedFromCallers() {
    withUsers()
        .source(
            "src/main/java/com/acme/UserMapper.java",
            """
            package com.acme;

            import org.apache.ibatis.annotations.*;

            @Mapper
            public interface UserMapper {
              // expect: read users.email @http, read users.id @http
              @Select("SELECT email FROM users WHERE id = #{id}")
              String email(long id);

              // expect: write users.name @cron, read users.id @cron
              @Update({"UPDATE users", "SET name = #{name}", "WHERE id = #{id}"})
              int rename(@Param("id") long id, @Param("name") String name);

              // expect: write users.email @none, write users.name @none
              @Insert("INSERT INTO users (email, name) VALUES (#{email}, #{name})")
              // expect: read users.id @none
              @SelectKey(statement = "SELECT max(id) FROM users", keyProperty = "id", before = false, resultType = long.class)
              void insert(User user);

              // expect: write users.*, read users.status
              @Delete("DELETE FROM users WHERE status = 'gone'")
              void purge();
            }
            """)
        .source(
            "src/main/java/com/acme/UserController.java",
            """
            package com.acme;

            import org.springframework.web.bind.annotation.*;
            import org.springframework.scheduling.annotation.Scheduled;

            @RestController
            class UserController {
              private final UserMapper users;

              UserController(UserMapper users) { this.users = users; }

              @GetMapping("/users/{id}/email")
              String email(@PathVariable long id) { return users.email(id); }

              @Scheduled(cron = "0 0 * * * *")
              void nightly() { users.rename(1L, "x"); }
            }
            """)
        .doTest();
  }

  @Test
  void positive_scriptsConstantsAndDollarSubstitution() {
    AnalysisResult result =
        withUsers()
            .source(
                "src/main/java/com/acme/Sql.java",
                """
                package com.acme;

                public final class Sql {
                  public static final String EMAIL_BY_ID = "SELECT email FROM users WHERE id = #{id}";
                }
                """)
            .source(
                "src/main/java/com/acme/UserMapper.java",
                """
                package com.acme;

                import org.apache.ibatis.annotations.*;

                public interface UserMapper {
                  // expect: read users.email, read users.id
                  @Select(Sql.EMAIL_BY_ID)
                  String email(long id);

                  // expect: read users.id, read users.name, read users.status
                  @Select({
                    "<script>",
                    "SELECT id FROM users",
                    "<where>",
                    "  <if test='name != null'>AND name = #{name}</if>",
                    "  <if test='status != null'>AND status = #{status}</if>",
                    "</where>",
                    "</script>"
                  })
                  List<Long> search(String name, String status);

                  // expect: read users.name
                  @Select("SELECT name FROM users ORDER BY ${column}")
                  List<String> sorted(String column);

                  // expect: read users.email, read users.id
                  @Select("SELECT email FROM ${tenant}.users WHERE id = #{id}")
                  String emailOfTenant(String tenant, long id);

                  // expect: none
                  @Select("SELECT email FROM users_${tenant}.users_${tenant}")
                  String emailOfShard(String tenant);
                }
                """)
            .doTest();
    assertThat(accessesIn(result, "UserMapper.java"))
        .filteredOn(a -> a.location().startLine() == 7 || a.location().startLine() == 11)
        .hasSize(5)
        .allSatisfy(a -> assertThat(a.confidence()).isEqualTo(Confidence.CERTAIN));
    assertThat(accessesIn(result, "UserMapper.java"))
        .filteredOn(a -> a.location().startLine() >= 23)
        .hasSize(3)
        .allSatisfy(a -> assertThat(a.confidence()).isEqualTo(Confidence.POSSIBLE));
  }

  @Test
  void positive_providersWithBuildersAndStrings() {
    withUsers()
        .source(
            "src/main/java/com/acme/UserSqlProvider.java",
            """
            package com.acme;

            import java.util.Map;
            import org.apache.ibatis.jdbc.SQL;

            public class UserSqlProvider {
              public String search(Map<String, Object> params) {
                return new SQL() {{
                  SELECT("id, email");
                  FROM("users");
                  if (params.get("name") != null) {
                    WHERE("name = #{name}");
                  }
                  if (params.get("status") != null) {
                    OR();
                    WHERE("status = #{status}");
                  }
                  ORDER_BY("email");
                }}.toString();
              }

              public String rename() {
                return new SQL().UPDATE("users").SET("name = #{name}").WHERE("id = #{id}").toString();
              }

              public String insert() {
                SQL sql = new SQL().INSERT_INTO("users");
                sql.VALUES("email", "#{email}");
                sql.VALUES("status", "'new'");
                return sql.toString();
              }

              public static String provideSql(Map<String, Object> params) {
                StringBuilder sql = new StringBuilder("DELETE FROM users WHERE 1 = 1");
                if (params.containsKey("status")) {
                  sql.append(" AND status = #{status}");
                }
                return sql.toString();
              }

              public String notUsedByAnyMapper() {
                return "SELECT name FROM users";
              }
            }
            """)
        .source(
            "src/main/java/com/acme/UserMapper.java",
            """
            package com.acme;

            import java.util.List;
            import java.util.Map;
            import org.apache.ibatis.annotations.*;

            public interface UserMapper {
              // expect: read users.id @http, read users.email @http, read users.name @http, read users.status @http
              @SelectProvider(type = UserSqlProvider.class, method = "search")
              List<User> search(Map<String, Object> params);

              // expect: write users.name, read users.id
              @UpdateProvider(UserSqlProvider.class)
              void rename(long id, String name);

              // expect: write users.email, write users.status
              @InsertProvider(type = UserSqlProvider.class, method = "insert")
              void insert(User user);

              // expect: write users.*, read users.status
              @DeleteProvider(type = UserSqlProvider.class)
              void purge(Map<String, Object> params);
            }
            """)
        .source(
            "src/main/java/com/acme/SearchController.java",
            """
            package com.acme;

            import java.util.Map;
            import org.springframework.web.bind.annotation.*;

            @RestController
            class SearchController {
              private final UserMapper users;

              SearchController(UserMapper users) { this.users = users; }

              @GetMapping("/users")
              Object search(@RequestParam Map<String, Object> params) { return users.search(params); }
            }
            """)
        .doTest();
  }

  @Test
  void positive_resultsAnnotationsReadColumnsAndCallNestedSelects() {
    AnalysisResult result =
        withUsers()
            .source(
                "src/main/resources/mapper/StatusMapper.xml",
                """
                <mapper namespace="com.acme.StatusMapper">
                  <!-- expect: read users.status @worker, read users.id @worker -->
                  <select id="statusOf" resultType="string">SELECT status FROM users WHERE id = #{id}</select>
                </mapper>
                """)
            .source(
                "src/main/java/com/acme/UserMapper.java",
                """
                package com.acme;

                import org.apache.ibatis.annotations.*;

                public interface UserMapper {
                  // expect: read users.id @worker, read users.email @worker, read users.name @worker, read users.status @worker
                  @Select("SELECT * FROM users WHERE id = #{id}")
                  @Results({
                    @Result(id = true, column = "id", property = "id"),
                    @Result(column = "email", property = "email"),
                    @Result(column = "id", property = "status", one = @One(select = "com.acme.StatusMapper.statusOf"))
                  })
                  User find(long id);
                }
                """)
            .source(
                "src/main/java/com/acme/Worker.java",
                """
                package com.acme;

                import org.springframework.amqp.rabbit.annotation.RabbitListener;

                class Worker {
                  private final UserMapper users;

                  Worker(UserMapper users) { this.users = users; }

                  @RabbitListener(queues = "users")
                  void on(long id) { users.find(id); }
                }
                """)
            .doTest();
    assertThat(accessesIn(result, "UserMapper.java"))
        .filteredOn(a -> !a.implicit())
        .extracting(a -> a.column().column())
        .containsExactlyInAnyOrder("id", "email");
  }

  @Test
  void negative_nonMapperCodeAndUnreadableProvidersAreNotSilent() {
    AnalysisResult result =
        withUsers()
            .source(
                "src/main/java/com/acme/UserMapper.java",
                """
                package com.acme;

                import org.apache.ibatis.annotations.*;

                public interface UserMapper {
                  // expect: none
                  @SelectProvider(type = ExternalProvider.class, method = "find")
                  User find(long id);

                  // expect: none
                  @Select("<script>SELECT name FROM users <where><if test='x'>AND a = 1</where></script>")
                  User broken();

                  // expect: none
                  default String greeting() { return "SELECT name FROM users"; }
                }
                """)
            .source(
                "src/main/java/com/acme/Texts.java",
                """
                package com.acme;

                class Texts {
                  // expect: none
                  String help() { return "SELECT name FROM users shows every name"; }
                }
                """)
            .doTest();
    assertThat(result.problems())
        .extracting(AnalysisProblem::line, AnalysisProblem::cause)
        .anySatisfy(
            p -> {
              assertThat(p.toList().get(0)).isEqualTo(7);
              assertThat((String) p.toList().get(1)).contains("ExternalProvider.find");
            })
        .anySatisfy(
            p -> {
              assertThat(p.toList().get(0)).isEqualTo(11);
              assertThat((String) p.toList().get(1)).contains("<script> not read");
            })
        .hasSize(2);
  }

  @Test
  void negative_sqlSessionWithUnknownStatementIdIsAProblem() {
    AnalysisResult result =
        withUsers()
            .source(
                "src/main/java/com/acme/Dao.java",
                """
                package com.acme;

                import org.apache.ibatis.session.SqlSession;

                class Dao {
                  private SqlSession session;

                  Object run(String statement) {
                    // expect: none
                    return session.selectList(statement);
                  }
                }
                """)
            .doTest();
    assertThat(result.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.cause()).contains("statement id we could not evaluate"));
  }
}
