package dev.blastradius.rules.expandcontract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** type-change-vs-accesses: narrowing breaks writers, incompatible breaks readers and writers. */
class TypeChangeVsAccessesTest {

  private static final String SCHEMA =
      "CREATE TABLE orders (id bigint PRIMARY KEY, external_id text, note varchar(500),"
          + " total numeric(12,2), qty integer, placed_at timestamp);\n";

  private static final String CODE =
      """
      package app;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.web.bind.annotation.*;

      @RestController
      class Orders {
        private JdbcTemplate jdbc;

        @PostMapping("/partner/webhook")
        void hook(String externalId, String note) {
          // expect: WRITE
          jdbc.update("UPDATE orders SET external_id = ?, note = ? WHERE id = 1", externalId, note);
        }

        @GetMapping("/orders/{id}")
        Object show(long id) {
          // expect: READ
          return jdbc.queryForMap("SELECT external_id, note FROM orders WHERE id = ?", id);
        }
      }
      """;

  private static String code(String write, String read) {
    return CODE.replace("WRITE", write).replace("READ", read);
  }

  @Test
  void positive_incompatibleChangeBreaksReadersAndWriters() {
    RuleTestHelper.forRule("type-change-vs-accesses")
        .applied("V1__orders.sql", SCHEMA)
        .proposed(
            "V2__uuid.sql",
            """
            -- expect: finding type-change-vs-accesses ~ "Changing orders.external_id from text to uuid changes the type family: 2 code sites reading or writing it as text; reached from 2 entry points: http GET /orders/{id}, webhook POST /partner/webhook."
            ALTER TABLE orders ALTER COLUMN external_id TYPE uuid USING external_id::uuid;
            """)
        .source(
            "src/main/java/app/Orders.java",
            code("related type-change-vs-accesses", "related type-change-vs-accesses"))
        .doTest();
  }

  @Test
  void positive_narrowingBreaksOnlyWriters() {
    RuleTestHelper.forRule("type-change-vs-accesses")
        .applied("V1__orders.sql", SCHEMA)
        .proposed(
            "V2__note.sql",
            """
            -- expect: finding type-change-vs-accesses ~ "Changing orders.note from varchar(500) to varchar(100) narrows: 1 code site writing values that may no longer fit"
            ALTER TABLE orders ALTER COLUMN note TYPE varchar(100);
            """)
        .source("src/main/java/app/Orders.java", code("related type-change-vs-accesses", "none"))
        .doTest();
  }

  @Test
  void negative_wideningAndUnusedColumnsAreFine() {
    RuleTestHelper.forRule("type-change-vs-accesses")
        .applied("V1__orders.sql", SCHEMA)
        .proposed(
            "V2__widen.sql",
            """
            -- expect: none
            ALTER TABLE orders ALTER COLUMN note TYPE text;
            -- expect: none
            ALTER TABLE orders ALTER COLUMN note TYPE character varying;
            -- Nobody uses qty or placed_at.
            -- expect: none
            ALTER TABLE orders ALTER COLUMN qty TYPE smallint;
            -- expect: none
            ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz;
            """)
        .source("src/main/java/app/Orders.java", code("none", "none"))
        .doTest();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "integer | bigint | WIDENING",
        "bigint | int | NARROWING",
        "varchar(20) | varchar(40) | WIDENING",
        "character varying(40) | varchar(20) | NARROWING",
        "varchar(40) | text | WIDENING",
        "text | varchar(40) | NARROWING",
        "numeric(12,2) | numeric(14,2) | WIDENING",
        "numeric(12,2) | numeric(12,0) | NARROWING",
        "numeric(12,2) | numeric(12,4) | INCOMPATIBLE",
        "numeric(12,2) | numeric | WIDENING",
        "json | jsonb | WIDENING",
        "timestamp | timestamptz | INCOMPATIBLE",
        "text | integer | INCOMPATIBLE",
        "uuid | text | INCOMPATIBLE",
        "int(11) | int(10) | SAME",
        "int4 | integer | SAME",
        "cidr | inet | WIDENING",
        "inet | cidr | NARROWING",
        "char(3) | text | WIDENING",
        "char(3) | char | INCOMPATIBLE"
      })
  void typeVerdicts(String from, String to, TypeCompatibility.Change expected) {
    assertThat(TypeCompatibility.of(from, to)).isEqualTo(expected);
  }
}
