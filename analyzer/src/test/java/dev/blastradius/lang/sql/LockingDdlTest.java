package dev.blastradius.lang.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.change.AddColumn;
import dev.blastradius.change.CreateIndex;
import dev.blastradius.change.DropDatabase;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.change.SessionSetting;
import dev.blastradius.change.TableOperation;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.schema.TableRef;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The details of DDL that only the locking rules need: clauses, positions, CHECK validity. */
class LockingDdlTest {

  private static final SqlFrontend POSTGRES =
      new SqlFrontend(SqlDialect.POSTGRES, Duration.ofSeconds(5));
  private static final SqlFrontend MYSQL = new SqlFrontend(SqlDialect.MYSQL, Duration.ofSeconds(5));

  private static final TableRef USERS = new TableRef("public", "users");

  private static final Catalog CATALOG =
      POSTGRES
          .analyze(
              "CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);", Catalog.empty())
          .catalogAfter();

  private static List<SchemaChange> changes(SqlFrontend frontend, String sql) {
    List<AnalyzedStatement> statements = frontend.analyze(sql, CATALOG).statements();
    assertThat(statements).hasSize(1);
    assertThat(statements.get(0).problem()).as("problem for %s", sql).isEmpty();
    return statements.get(0).changes();
  }

  private static List<String> details(List<SchemaChange> changes) {
    return changes.stream()
        .filter(TableOperation.class::isInstance)
        .map(c -> ((TableOperation) c).detail())
        .toList();
  }

  @Test
  void positive_mysqlAlgorithmAndLockKeepTheirNames() {
    List<SchemaChange> changes =
        changes(
            MYSQL, "ALTER TABLE users ADD COLUMN nick varchar(20), ALGORITHM = INPLACE, LOCK=NONE");
    assertThat(details(changes)).containsExactly("algorithm=inplace", "lock=none");
  }

  @Test
  void positive_mysqlCreateIndexOptionsBecomeOperations() {
    List<SchemaChange> changes =
        changes(MYSQL, "CREATE INDEX users_email ON users (email) ALGORITHM=INPLACE LOCK NONE");
    assertThat(changes.get(0)).isInstanceOf(CreateIndex.class);
    assertThat(details(changes)).containsExactly("algorithm=inplace", "lock=none");
  }

  @Test
  void positive_mysqlAddColumnPosition() {
    AddColumn after =
        (AddColumn) changes(MYSQL, "ALTER TABLE users ADD COLUMN nick text AFTER email").get(0);
    assertThat(after.position()).isEqualTo("after email");
    assertThat(after.definition().name()).isEqualTo("nick");
    AddColumn first =
        (AddColumn) changes(MYSQL, "ALTER TABLE users ADD COLUMN nick text FIRST").get(0);
    assertThat(first.position()).isEqualTo("first");
    AddColumn last = (AddColumn) changes(MYSQL, "ALTER TABLE users ADD nick text").get(0);
    assertThat(last.position()).isNull();
  }

  @Test
  void positive_truncateCascadeIsKept() {
    assertThat(details(changes(POSTGRES, "TRUNCATE users, orders RESTART IDENTITY CASCADE")))
        .containsExactly("cascade", "cascade");
    assertThat(details(changes(POSTGRES, "TRUNCATE TABLE users"))).containsExactly("");
  }

  @Test
  void positive_dropDatabase() {
    assertThat(changes(POSTGRES, "DROP DATABASE IF EXISTS shop WITH (FORCE)"))
        .containsExactly(new DropDatabase("shop"));
    assertThat(changes(MYSQL, "DROP SCHEMA shop")).containsExactly(new DropDatabase("shop"));
  }

  @Test
  void negative_postgresDropSchemaIsNotADatabase() {
    assertThat(changes(POSTGRES, "DROP SCHEMA IF EXISTS staging CASCADE")).isEmpty();
  }

  @Test
  void positive_mysqlSessionVariablesAreSettings() {
    for (String sql :
        List.of(
            "SET @@session.lock_wait_timeout = 5",
            "SET @@lock_wait_timeout = 5",
            "SET SESSION lock_wait_timeout = 5")) {
      AnalyzedStatement statement = MYSQL.analyze(sql, CATALOG).statements().get(0);
      assertThat(statement.setting())
          .as(sql)
          .contains(new SessionSetting("lock_wait_timeout", "5", false));
    }
  }

  @Test
  void positive_checkConstraintsAreTrackedWithTheirValidity() {
    Catalog after =
        POSTGRES
            .analyze(
                """
                ALTER TABLE users ADD CONSTRAINT email_present CHECK (email IS NOT NULL) NOT VALID;
                ALTER TABLE users ADD CONSTRAINT name_short CHECK (length(name) < 100);
                """,
                CATALOG)
            .catalogAfter();
    assertThat(after.checks(USERS))
        .containsExactly(
            new Catalog.Check("email_present", "email is not null", false),
            new Catalog.Check("name_short", "length(name) < 100", true));
    assertThat(after.hasConstraint(USERS, "email_present")).isTrue();

    Catalog validated =
        POSTGRES
            .analyze(
                """
                ALTER TABLE users VALIDATE CONSTRAINT email_present;
                ALTER TABLE users DROP CONSTRAINT name_short;
                ALTER TABLE users RENAME TO accounts;
                """,
                after)
            .catalogAfter();
    assertThat(validated.checks(USERS)).isEmpty();
    assertThat(validated.checks(new TableRef("public", "accounts")))
        .containsExactly(new Catalog.Check("email_present", "email is not null", true));
  }
}
