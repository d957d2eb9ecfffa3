package dev.blastradius.lang.ops.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/** dbt models: Jinja stripped, source() resolved through sources.yml, ref() not an app table. */
class DbtModelsTest {

  static ExtractorTestHelper project() {
    return ExtractorTestHelper.create()
        .migration(
            "V1__users.sql",
            """
            -- expect: ddl users.id, ddl users.email, ddl users.created_at
            CREATE TABLE users (id bigint PRIMARY KEY, email text, created_at timestamptz);
            -- expect: ddl accounts.id, ddl accounts.plan
            CREATE TABLE accounts (id bigint PRIMARY KEY, plan text);
            """)
        .source(
            "analytics/dbt/dbt_project.yml",
            """
            name: shop
            version: '1.0'
            profile: shop
            model-paths: ["models"]
            """)
        .source(
            "analytics/dbt/models/staging/sources.yml",
            """
            version: 2
            sources:
              - name: app
                schema: public
                tables:
                  - name: users
                  - name: customers
                    identifier: accounts
            """);
  }

  @Test
  void positive_sourcesResolvedAndJinjaStripped() {
    AnalysisResult result =
        project()
            .source(
                "analytics/dbt/models/staging/stg_users.sql",
                """
                {{ config(materialized='view') }}
                {# the signup cohort #}
                -- expect: read users.id @dashboard, read users.email @dashboard, read users.created_at @dashboard
                select id, lower(email) as email, created_at
                from {{ source('app', 'users') }}
                {% if is_incremental() %}
                where created_at > (select max(created_at) from {{ this }})
                {% endif %}
                """)
            .source(
                "analytics/dbt/models/marts/plans.sql",
                """
                -- expect: read accounts.id @dashboard, read accounts.plan @dashboard, read users.created_at @dashboard
                select c.id, c.plan, u.email_domain
                from {{ source("app", "customers") }} c
                join {{ ref('stg_users') }} u on u.account_id = c.id
                where c.plan <> '{{ var("excluded_plan") }}'
                """)
            .source(
                "analytics/dbt/models/marts/active_emails.sql",
                """
                -- expect: read users.email @dashboard, read users.created_at @dashboard
                select email from {{ ref('stg_users') }}
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.location().path().endsWith("active_emails.sql"))
        .extracting(a -> a.via())
        .containsOnly(dev.blastradius.graph.Via.VIEW);
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.location().path().endsWith("plans.sql"))
        .flatMap(Access::entryPoints)
        .extracting(EntryPoint::name)
        .containsOnly("dbt model plans");
  }

  @Test
  void negative_jinjaOnlyFilesMacrosAndPlainSqlOutsideTheProject() {
    AnalysisResult result =
        project()
            .source(
                "analytics/dbt/models/empty.sql",
                """
                -- expect: none
                {{ config(materialized='ephemeral') }}
                {% set cols = ['id'] %}
                """)
            .source(
                "analytics/dbt/macros/cents.sql",
                """
                -- expect: none
                {% macro cents(col) %} ({{ col }} * 100) from users {% endmacro %}
                """)
            .source(
                "analytics/dbt/models/cycle_a.sql",
                """
                -- expect: none
                select x from {{ ref('cycle_b') }}
                """)
            .source(
                "analytics/dbt/models/cycle_b.sql",
                """
                -- expect: none
                select x from {{ ref('cycle_a') }}
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void negative_undeclaredSourceAndUnparseableModelAreProblems() {
    AnalysisResult result =
        project()
            .source(
                "analytics/dbt/models/broken.sql",
                """
                -- expect: none
                select id from {{ source('app', 'orders') }}
                """)
            .source(
                "analytics/dbt/models/garbled.sql",
                """
                -- expect: none
                select from where {{ source('app', 'users') }} ((
                """)
            .doTest();
    assertThat(result.problems())
        .extracting(p -> p.path())
        .contains("analytics/dbt/models/broken.sql", "analytics/dbt/models/garbled.sql");
    assertThat(result.problems())
        .filteredOn(p -> p.path().endsWith("broken.sql"))
        .anySatisfy(p -> assertThat(p.cause()).contains("source('app', 'orders')"));
  }

  @Test
  void jinjaKeepsLinesAndColumns() {
    String sql =
        JinjaText.strip(
            "select {{ x }} from t\n{% if a %}\nwhere b{# c\n d #}\n{% endif %}", e -> "q");
    assertThat(sql).isEqualTo("select q       from t\n          \nwhere b    \n     \n           ");
  }
}
