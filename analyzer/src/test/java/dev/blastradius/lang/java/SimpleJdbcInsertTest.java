package dev.blastradius.lang.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.Confidence;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/** Spring's SimpleJdbcInsert: the write is recorded where the insert executes. */
class SimpleJdbcInsertTest {

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
  void positive_configuredInTheConstructorExecutedElsewhere() {
    AnalysisResult result =
        withUsers()
            .source(
                "src/main/java/app/UserWriter.java",
                """
                package app;

                import java.util.Map;
                import javax.sql.DataSource;
                import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

                class UserWriter {
                  private static final String TABLE = "users";
                  private final SimpleJdbcInsert insert;
                  private final SimpleJdbcInsert anyColumns;

                  UserWriter(DataSource dataSource) {
                    this.insert =
                        new SimpleJdbcInsert(dataSource)
                            .withTableName(TABLE)
                            .usingColumns("email", "name")
                            .usingGeneratedKeyColumns("id");
                    anyColumns = new SimpleJdbcInsert(dataSource).withTableName("users");
                  }

                  Number create(String email, String name) {
                    // expect: write users.email @none, write users.name @none, read users.id @none
                    return insert.executeAndReturnKey(Map.of("email", email, "name", name));
                  }

                  void createAll(Map<String, Object> row) {
                    // expect: write users.id @none, write users.email @none, write users.name @none
                    anyColumns.execute(row);
                  }

                  void inline(DataSource dataSource) {
                    // expect: write users.email @none
                    new SimpleJdbcInsert(dataSource).withTableName("users").usingColumns("email").execute(Map.of());
                  }
                }
                """)
            .doTest();
    // Every column of the table, implicitly: the insert picks them at run time.
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.snippet().startsWith("anyColumns.execute"))
        .hasSize(3)
        .allMatch(a -> a.confidence() == Confidence.LIKELY && a.implicit());
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.snippet().startsWith("return insert.executeAndReturnKey"))
        .hasSize(3)
        .allMatch(a -> a.confidence() == Confidence.CERTAIN && !a.implicit());
  }

  @Test
  void negative_otherExecuteCallsAndUnconfiguredInsertsAreIgnored() {
    withUsers()
        .source(
            "src/main/java/app/Other.java",
            """
            package app;

            import java.util.concurrent.ExecutorService;
            import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

            class Other {
              private ExecutorService pool;
              private SimpleJdbcInsert injected;

              void run(Runnable task) {
                // expect: none
                pool.execute(task);
                // A SimpleJdbcInsert configured elsewhere (a bean): its table is unknown here.
                // expect: none
                injected.execute(java.util.Map.of());
              }
            }
            """)
        .doTest();
  }
}
