package dev.blastradius.lang.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.schema.SqlDialect;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatementParserTest {

  @Test
  void parsesWithThePostgresDialect() {
    StatementParser.Outcome outcome =
        new StatementParser(SqlDialect.POSTGRES, Duration.ofSeconds(5))
            .parse("SELECT name FROM users WHERE id = $1");
    assertThat(outcome.statement()).isNotNull();
    assertThat(outcome.failure()).isNull();
  }

  @Test
  void reportsTheFirstLineOfAParseError() {
    StatementParser.Outcome outcome =
        new StatementParser(SqlDialect.POSTGRES, Duration.ofSeconds(5))
            .parse("SELEC name FROM users");
    assertThat(outcome.statement()).isNull();
    assertThat(outcome.failure()).doesNotContain("\n").isNotBlank();
    assertThat(outcome.timedOut()).isFalse();
  }

  @Test
  void positive_aFailureCarriesTheComplexParsesMessageWithItsPosition() {
    // The simple attempt fails with a shared message-less exception; what is reported must be the
    // complex attempt's own error, whose position KeywordRetry reads.
    StatementParser.Outcome outcome =
        new StatementParser(SqlDialect.POSTGRES, Duration.ofSeconds(5))
            .parse("SELECT name FROM users WHERE id = = 1");
    assertThat(outcome.statement()).isNull();
    assertThat(outcome.failure()).doesNotContain("simple mode").contains("line 1, column");
  }

  @Test
  void positive_theThreadsParserIsReusableAfterFailures() {
    StatementParser parser = new StatementParser(SqlDialect.POSTGRES, Duration.ofSeconds(5));
    for (int i = 0; i < 3; i++) {
      assertThat(parser.parse("SELEC name FROM users").statement()).isNull();
      assertThat(parser.parse("UPDATE users SET name = 'x' WHERE id = " + i).statement())
          .isNotNull();
    }
  }

  @Test
  void negative_parenthesesNestedPastTheBoundAreNotGivenToJSqlParser() {
    int depth = StatementParser.MAX_NESTING + 1;
    StatementParser.Outcome outcome =
        new StatementParser(SqlDialect.POSTGRES, Duration.ofSeconds(5))
            .parse("SELECT " + "(".repeat(depth) + "1" + ")".repeat(depth));
    assertThat(outcome.statement()).isNull();
    assertThat(outcome.timedOut()).isFalse();
    assertThat(outcome.failure())
        .isEqualTo("parentheses nest 1001 deep; the SQL parser is not run past 1000 levels");
  }

  @Test
  void positive_parenthesesInsideQuotesDoNotCountAsNesting() {
    assertThat(StatementParser.nesting("SELECT ((1)), '" + "(".repeat(5000) + "', \"((\" FROM t"))
        .isEqualTo(2);
  }

  @Test
  void aStatementOverTheTimeLimitIsReportedAsTimedOut() {
    // Deeply nested expressions are slow for JSqlParser; a 1 ms limit is certain to pass first.
    String nested = "SELECT " + "(".repeat(200) + "1" + ")".repeat(200) + " FROM t";
    StatementParser.Outcome outcome =
        new StatementParser(SqlDialect.POSTGRES, Duration.ofMillis(1)).parse(nested);
    assertThat(outcome.timedOut()).isTrue();
    assertThat(outcome.failure()).contains("gave up after 1 ms");
  }
}
