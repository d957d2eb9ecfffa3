package dev.blastradius.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.change.CreateTable;
import dev.blastradius.change.Migration;
import dev.blastradius.change.MigrationStatement;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.change.SessionSetting;
import dev.blastradius.change.StatementKind;
import dev.blastradius.graph.ColumnAccessGraph;
import dev.blastradius.rules.MigrationSession.TransactionProblem;
import dev.blastradius.rules.MigrationSession.Unpaired;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.schema.TableRef;
import dev.blastradius.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Transactions and session settings per statement, from statements built by hand. */
class MigrationSessionTest {

  private final List<MigrationStatement> statements = new ArrayList<>();

  private MigrationSessionTest transaction(String command) {
    statements.add(
        new MigrationStatement(
            Location.ofLine("m.sql", statements.size() + 1),
            command,
            StatementKind.TRANSACTION,
            List.of(),
            Optional.of(command.split(" ")[0].equals("START") ? "BEGIN" : command.split(" ")[0]),
            Optional.empty()));
    return this;
  }

  private MigrationSessionTest set(String name, String value, boolean local) {
    statements.add(
        new MigrationStatement(
            Location.ofLine("m.sql", statements.size() + 1),
            "SET " + name,
            StatementKind.SESSION,
            List.of(),
            Optional.empty(),
            Optional.of(new SessionSetting(name, value, local))));
    return this;
  }

  private MigrationSessionTest ddl(SchemaChange... changes) {
    statements.add(
        new MigrationStatement(
            Location.ofLine("m.sql", statements.size() + 1),
            "DDL",
            StatementKind.DDL,
            List.of(changes),
            Optional.empty(),
            Optional.empty()));
    return this;
  }

  private MigrationSession session(String tool, boolean transactional, SqlDialect dialect) {
    Migration migration = new Migration("m.sql", tool, "1", transactional, statements);
    RuleSettings settings = RuleSettings.defaults(dialect);
    return new RuleContext(new ColumnAccessGraph(List.of()), Catalog.empty(), migration, settings)
        .session();
  }

  @Test
  void explicitTransactionsAreNumberedAndEndAtCommit() {
    transaction("BEGIN").ddl().transaction("COMMIT").ddl().transaction("BEGIN").ddl();
    MigrationSession session = session("sql", false, SqlDialect.POSTGRES);
    assertThat(session.inTransaction(1)).isTrue();
    assertThat(session.inTransaction(3)).isFalse();
    assertThat(session.sameTransaction(1, 5)).isFalse();
    assertThat(session.transaction(5)).isEqualTo(2);
    assertThat(session.unpaired())
        .containsExactly(new Unpaired(4, TransactionProblem.NEVER_COMMITTED));
  }

  @Test
  void theToolsTransactionCoversTheFileUntilAnExplicitCommit() {
    ddl().transaction("BEGIN").ddl().transaction("COMMIT").ddl();
    MigrationSession session = session("flyway", true, SqlDialect.POSTGRES);
    assertThat(session.toolTransaction()).isTrue();
    assertThat(session.transaction(0)).isZero();
    assertThat(session.sameTransaction(0, 2)).isTrue();
    assertThat(session.inTransaction(4)).isFalse();
    assertThat(session.unpaired())
        .containsExactly(
            new Unpaired(1, TransactionProblem.NESTED_BEGIN),
            new Unpaired(3, TransactionProblem.ENDS_TOOL_TRANSACTION));
  }

  @Test
  void setLocalLastsUntilItsTransactionEndsAndDoesNothingOutsideOne() {
    set("lock_timeout", "1s", true)
        .transaction("BEGIN")
        .set("lock_timeout", "2s", true)
        .ddl()
        .transaction("COMMIT")
        .ddl();
    MigrationSession session = session("sql", false, SqlDialect.POSTGRES);
    assertThat(session.setting(1, "lock_timeout")).isEmpty();
    assertThat(session.setting(3, "lock_timeout")).contains("2s");
    assertThat(session.setting(5, "lock_timeout")).isEmpty();
  }

  @Test
  void sessionSettingsSurviveCommitButNotRollbackOrReset() {
    transaction("BEGIN")
        .set("statement_timeout", "5s", false)
        .transaction("COMMIT")
        .ddl()
        .transaction("BEGIN")
        .set("lock_timeout", "3s", false)
        .transaction("ROLLBACK")
        .ddl()
        .set("statement_timeout", "", false)
        .ddl();
    MigrationSession session = session("sql", false, SqlDialect.POSTGRES);
    assertThat(session.setting(3, "statement_timeout")).contains("5s");
    assertThat(session.setting(7, "lock_timeout")).isEmpty();
    assertThat(session.setting(7, "statement_timeout")).contains("5s");
    assertThat(session.setting(9, "statement_timeout")).isEmpty();
  }

  @Test
  void mysqlLocalIsTheSession() {
    set("lock_wait_timeout", "5", true).ddl();
    assertThat(session("sql", false, SqlDialect.MYSQL).setting(1, "lock_wait_timeout"))
        .contains("5");
  }

  @Test
  void tablesCreatedEarlierInTheFileAreNew() {
    TableRef refunds = new TableRef("public", "refunds");
    ddl().ddl(new CreateTable(refunds, List.of())).ddl();
    MigrationSession session = session("sql", false, SqlDialect.POSTGRES);
    assertThat(session.createdBefore(refunds, 1)).isFalse();
    assertThat(session.createdBefore(refunds, 2)).isTrue();
    assertThat(session.catalogBefore(2).table(refunds)).isPresent();
    assertThat(session.catalogBefore(1).table(refunds)).isEmpty();
  }
}
