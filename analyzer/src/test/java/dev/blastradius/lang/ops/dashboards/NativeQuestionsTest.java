package dev.blastradius.lang.ops.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/** Metabase native questions (JSON and serialization YAML), Redash queries, report SQL files. */
class NativeQuestionsTest {

  static ExtractorTestHelper withUsers() {
    return ExtractorTestHelper.create()
        .migration(
            "V1__users.sql",
            """
            -- expect: ddl users.id, ddl users.email, ddl users.plan
            CREATE TABLE users (id bigint PRIMARY KEY, email text, plan text);
            """);
  }

  @Test
  void positive_metabaseCardJsonAndRedashQueries() {
    AnalysisResult result =
        withUsers()
            .source(
                "metabase/cards.json",
                """
                [
                  {"name": "Plans", "display": "table",
                   "dataset_query": {"type": "native", "database": 2,
                     "native": {"query": "SELECT plan, count(*) FROM users\\nWHERE 1 = 1 [[AND plan = {{plan}}]]\\nGROUP BY plan",
                                "template-tags": {}}}},
                  {"name": "GUI question", "dataset_query": {"type": "query", "query": {"source-table": 5}}}
                ]
                """)
            .source(
                "metabase/cards.json.expect",
                "4: read users.plan @dashboard, read users.* @dashboard\n2: none\n")
            .source(
                "redash/queries.json",
                """
                {"count": 1, "results": [
                  {"id": 7, "name": "Emails", "data_source_id": 1,
                   "query": "SELECT email FROM users WHERE id = {{ user_id }}"}
                ]}
                """)
            .source(
                "redash/queries.json.expect",
                "3: read users.email @dashboard, read users.id @dashboard\n")
            .doTest();
    assertThat(result.problems()).isEmpty();
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.location().path().startsWith("redash/"))
        .flatMap(Access::entryPoints)
        .extracting(EntryPoint::name)
        .containsOnly("Redash query Emails");
  }

  @Test
  void positive_metabaseSerializationYaml() {
    AnalysisResult result =
        withUsers()
            .source(
                "metabase/collections/cards/signups.yaml",
                """
                name: Signups
                description: null
                dataset_query:
                  database: Production
                  type: native
                  native:
                    query: |-
                      SELECT id
                      FROM users WHERE email LIKE '%@example.com'
                """)
            .source(
                "metabase/collections/cards/signups.yaml.expect",
                "8: read users.id @dashboard, read users.email @dashboard\n")
            .doTest();
    assertThat(result.problems()).isEmpty();
    assertThat(result.graph().accesses())
        .flatMap(Access::entryPoints)
        .extracting(EntryPoint::name)
        .contains("Metabase question Signups");
  }

  @Test
  void negative_otherJsonAndYaml() {
    AnalysisResult result =
        withUsers()
            .source(
                "package.json",
                "{\"name\": \"x\", \"scripts\": {\"query\": \"SELECT email FROM users\"}}\n")
            .source("package.json.expect", "1: none\n")
            .source(
                "config/app.yaml",
                """
                # expect: none
                query: SELECT email FROM users
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void positive_reportFoldersAreDashboards() {
    withUsers()
        .source(
            "reports/weekly/plans.sql",
            """
            -- expect: read users.plan @dashboard, read users.* @dashboard
            SELECT plan, count(*) FROM users GROUP BY plan;
            """)
        .source(
            "src/sql/lookup.sql",
            """
            -- expect: read users.email, read users.id
            SELECT email FROM users WHERE id = 1;
            """)
        .doTest();
  }
}
