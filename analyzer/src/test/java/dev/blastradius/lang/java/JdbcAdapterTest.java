package dev.blastradius.lang.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/** SQL passed to JdbcTemplate and plain JDBC, at the host statement's line. */
class JdbcAdapterTest {

  private static ExtractorTestHelper withUsers() {
    return ExtractorTestHelper.create()
        .migration(
            "V1__users.sql",
            """
            -- expect: ddl users.id, ddl users.email, ddl users.name
            CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);
            """);
  }

  @Test
  void positive_jdbcTemplateLiteralsConstantsAndTextBlocks() {
    withUsers()
        .source(
            "src/main/java/app/UserDao.java",
            """
            package app;

            import org.springframework.jdbc.core.JdbcTemplate;

            class UserDao {
              private static final String BY_ID = "SELECT email FROM users " + "WHERE id = ?";
              private final JdbcTemplate jdbc;

              UserDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }

              String email(long id) {
                // expect: read users.email, read users.id
                return jdbc.queryForObject(BY_ID, String.class, id);
              }

              void rename(long id, String name) {
                // expect: write users.name, read users.id
                jdbc.update(
                    \"""
                    UPDATE users
                       SET name = ?
                     WHERE id = ?
                    \""", name, id);
              }

              int count() {
                String sql = "SELECT count(*) FROM users";
                // expect: read users.*
                return jdbc.queryForObject(sql, Integer.class);
              }
            }
            """)
        .doTest();
  }

  @Test
  void positive_callsInsideYieldsOfSwitchExpressionsAreRead() {
    AnalysisResult result =
        withUsers()
            .source(
                "src/main/java/app/Lookup.java",
                """
                package app;

                import org.springframework.jdbc.core.JdbcTemplate;

                class Lookup {
                  private final JdbcTemplate jdbc;

                  Lookup(JdbcTemplate jdbc) { this.jdbc = jdbc; }

                  String find(String by, long id) {
                    return switch (by) {
                      case "email" -> {
                        long checked = Math.abs(id);
                        // expect: read users.email, read users.id
                        yield jdbc.queryForObject("SELECT email FROM users WHERE id = ?", String.class, checked);
                      }
                      default -> {
                        // expect: read users.name, read users.id
                        yield jdbc.queryForObject("SELECT name FROM users WHERE id = ?", String.class, id);
                      }
                    };
                  }
                }
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void negative_oldCodeUsingNewKeywordsAsNamesStillParses() {
    AnalysisResult result =
        withUsers()
            .source(
                "src/main/java/app/Legacy.java",
                """
                package app;

                import org.springframework.jdbc.core.JdbcTemplate;

                class Legacy {
                  private final JdbcTemplate jdbc;

                  Legacy(JdbcTemplate jdbc) { this.jdbc = jdbc; }

                  void run() {
                    int _ = 1;
                    int yield = 2;
                    // expect: read users.email
                    jdbc.queryForList("SELECT email FROM users");
                  }
                }
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void positive_rowMappersConsumeTheColumnsOfTheirPropertiesByName() {
    AnalysisResult result =
        withUsers()
            .source(
                "src/main/java/app/UserRow.java",
                """
                package app;

                public class UserRow {
                  private static final long serialVersionUID = 1L;
                  private long id;
                  private String email;
                }
                """)
            .source(
                "src/main/java/app/NameOnly.java",
                """
                package app;

                public record NameOnly(String name) {}
                """)
            .source(
                "src/main/java/app/UserDao.java",
                """
                package app;

                import java.util.List;
                import org.springframework.jdbc.core.BeanPropertyRowMapper;
                import org.springframework.jdbc.core.DataClassRowMapper;
                import org.springframework.jdbc.core.JdbcTemplate;

                class UserDao {
                  private final JdbcTemplate jdbc;

                  UserDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }

                  List<UserRow> rows() {
                    // expect: read users.id, read users.email, read users.name
                    return jdbc.query("SELECT * FROM users", new BeanPropertyRowMapper<>(UserRow.class));
                  }

                  List<NameOnly> names() {
                    // expect: read users.id, read users.email, read users.name
                    return jdbc.query("SELECT * FROM users", DataClassRowMapper.newInstance(NameOnly.class));
                  }

                  List<java.util.Map<String, Object>> plain() {
                    // expect: read users.id, read users.email, read users.name
                    return jdbc.queryForList("SELECT * FROM users");
                  }
                }
                """)
            .doTest();
    assertThat(explicitReadsAt(result, 15)).containsExactlyInAnyOrder("id", "email");
    assertThat(explicitReadsAt(result, 20)).containsExactly("name");
    assertThat(explicitReadsAt(result, 25)).isEmpty();
  }

  private static java.util.List<String> explicitReadsAt(AnalysisResult result, int line) {
    return result.graph().accesses().stream()
        .filter(a -> a.location().path().endsWith("UserDao.java"))
        .filter(a -> a.location().startLine() == line && !a.implicit())
        .map(a -> a.column().column())
        .toList();
  }

  @Test
  void positive_plainJdbcConnectionAndStatement() {
    withUsers()
        .source(
            "src/main/java/app/Export.java",
            """
            package app;

            import java.sql.*;

            class Export {
              void run(Connection connection) throws SQLException {
                // expect: read users.id, read users.name
                PreparedStatement ps = connection.prepareStatement("SELECT id, name FROM users");
                try (Statement st = connection.createStatement()) {
                  // expect: write users.*
                  st.executeUpdate("DELETE FROM users");
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void positive_dynamicPartsLowerConfidenceButKeepKnownColumns() {
    var result =
        withUsers()
            .source(
                "src/main/java/app/Search.java",
                """
                package app;

                import org.springframework.jdbc.core.JdbcTemplate;

                class Search {
                  private JdbcTemplate jdbc;

                  Object find(String orderBy) {
                    // expect: read users.email
                    return jdbc.queryForList("SELECT email FROM users ORDER BY " + orderBy);
                  }
                }
                """)
            .doTest();
    org.assertj.core.api.Assertions.assertThat(result.graph().accesses())
        .filteredOn(a -> a.location().path().endsWith("Search.java"))
        .allSatisfy(
            a ->
                org.assertj.core.api.Assertions.assertThat(a.confidence())
                    .isEqualTo(dev.blastradius.graph.Confidence.POSSIBLE));
  }

  @Test
  void negative_nonJdbcReceiversAndNonSqlStringsAreIgnored() {
    withUsers()
        .source(
            "src/main/java/app/Other.java",
            """
            package app;

            import java.util.List;

            class Other {
              private final List<String> list = List.of();
              private final Cache cache = new Cache();

              void run() {
                // expect: none
                list.add("SELECT name FROM users");
                // expect: none
                cache.update("users.name");
                // expect: none
                System.out.println("DELETE FROM users");
              }
            }

            class Cache {
              void update(String key) {}
            }
            """)
        .doTest();
  }

  @Test
  void positive_unknownReceiverWithSqlTextIsLikely() {
    var result =
        withUsers()
            .source(
                "src/main/java/app/Legacy.java",
                """
                package app;

                class Legacy extends Base {
                  void run() {
                    // expect: read users.name
                    getJdbcTemplate().queryForList("SELECT name FROM users");
                  }
                }
                """)
            .doTest();
    org.assertj.core.api.Assertions.assertThat(result.graph().accesses())
        .filteredOn(a -> a.location().path().endsWith("Legacy.java"))
        .extracting(a -> a.confidence())
        .containsOnly(dev.blastradius.graph.Confidence.LIKELY);
  }

  @Test
  void positive_constantsOfOtherClassesBuildersAndFormat() {
    withUsers()
        .source(
            "src/main/java/app/Sql.java",
            """
            package app;

            interface Sql {
              String USERS = "users";
              String BY_ID = "SELECT email FROM " + USERS + " WHERE id = ?";
            }
            """)
        .source(
            "src/main/java/app/Queries.java",
            """
            package app;

            final class Queries {
              static final String RENAME = "UPDATE users SET name = ? WHERE id = ?";
            }
            """)
        .source(
            "src/main/java/app/Dao.java",
            """
            package app;

            import org.springframework.jdbc.core.JdbcTemplate;

            class Dao implements Sql {
              private JdbcTemplate jdbc;

              Object byId(long id) {
                // expect: read users.email, read users.id
                return jdbc.queryForObject(Sql.BY_ID, String.class, id);
              }

              void rename(long id, String name) {
                // expect: write users.name, read users.id
                jdbc.update(Queries.RENAME, name, id);
              }

              Object inherited(long id) {
                // expect: read users.email, read users.id
                return jdbc.queryForObject(BY_ID, String.class, id);
              }

              Object built(String column) {
                StringBuilder sql = new StringBuilder("SELECT name FROM users");
                sql.append(" WHERE email = ?");
                // expect: read users.name, read users.email
                return jdbc.queryForList(sql.toString(), "a");
              }

              Object formatted(long id) {
                // expect: read users.name, read users.id
                return jdbc.queryForObject(String.format("SELECT name FROM %s WHERE id = %d", "users", id), String.class);
              }

              Object chained() {
                // expect: read users.email
                return jdbc.queryForList(new StringBuilder().append("SELECT email ").append("FROM users").toString());
              }
            }
            """)
        .doTest();
  }
}
