package dev.blastradius.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.rules.ColumnPair;
import dev.blastradius.rules.RuleCatalog;
import dev.blastradius.rules.RuleSettings;
import dev.blastradius.schema.Identifiers;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Marker tests for one rule: applied migrations, the proposed migration, and application sources.
 * Only this rule's findings and related sites are checked, strictly both ways.
 *
 * <pre>
 * RuleTestHelper.forRule("drop-column-still-read")
 *     .applied("V1__users.sql", "CREATE TABLE users (id int, name text);")
 *     .proposed("V2__drop.sql", """
 *         -- expect: finding drop-column-still-read ~ "users.name"
 *         ALTER TABLE users DROP COLUMN name;
 *         """)
 *     .source("src/main/java/app/UserDao.java", """ … // expect: related drop-column-still-read … """)
 *     .doTest();
 * </pre>
 */
public final class RuleTestHelper {

  private final String ruleId;
  private final TestProject project = new TestProject();
  private int pgMajor = RuleSettings.DEFAULT_PG_MAJOR;
  private String mysqlVersion = RuleSettings.DEFAULT_MYSQL_VERSION;
  private Optional<Boolean> assumeInTransaction = Optional.empty();
  private final List<ColumnPair> pairs = new ArrayList<>();

  private RuleTestHelper(String ruleId) {
    this.ruleId = ruleId;
  }

  /** A helper for the bundled rule {@code id}. */
  public static RuleTestHelper forRule(String id) {
    assertThat(RuleCatalog.bundled().rule(id))
        .as("rule %s must exist in rules/<pack>/%s.yaml", id, id)
        .isPresent();
    return new RuleTestHelper(id);
  }

  /** An applied Flyway migration. */
  public RuleTestHelper applied(String fileName, String sql) {
    project.add(TestProject.MIGRATIONS + fileName, sql);
    return this;
  }

  /** The migration under review, passed as {@code --migration}. */
  public RuleTestHelper proposed(String fileName, String sql) {
    project.propose("proposed/" + fileName, sql);
    return this;
  }

  /** The Postgres major version the rules assume ({@code --pg-version}). */
  public RuleTestHelper pgVersion(int major) {
    pgMajor = major;
    return settingsChanged();
  }

  /** The MySQL version the rules assume ({@code --mysql-version}), with the MySQL dialect. */
  public RuleTestHelper mysql(String version) {
    project.dialect(SqlDialect.MYSQL);
    mysqlVersion = version;
    return settingsChanged();
  }

  /** {@code --assume-in-transaction} or {@code --no-assume-in-transaction}. */
  public RuleTestHelper assumeInTransaction(boolean value) {
    assumeInTransaction = Optional.of(value);
    return settingsChanged();
  }

  /**
   * A replacement column pair as {@code pairs:} in {@code blastradius.yaml} declares it, at {@code
   * line} of that file (add the file with {@link #source} to put markers above the line).
   */
  public RuleTestHelper pair(String old, String replacement, int line) {
    Identifiers ids = new Identifiers(SqlDialect.POSTGRES);
    pairs.add(
        new ColumnPair(
            ids.parseColumn(old),
            List.of(ids.parseColumn(replacement)),
            Location.ofLine("blastradius.yaml", line)));
    return settingsChanged();
  }

  private RuleTestHelper settingsChanged() {
    int pg = pgMajor;
    String mysql = mysqlVersion;
    Optional<Boolean> assume = assumeInTransaction;
    List<ColumnPair> declared = List.copyOf(pairs);
    project.settings(dialect -> new RuleSettings(dialect, pg, mysql, assume, declared));
    return this;
  }

  /** An application source file. */
  public RuleTestHelper source(String path, String text) {
    project.add(path, text);
    return this;
  }

  /** Runs {@code check} and compares this rule's findings with the markers. */
  public AnalysisResult doTest() {
    return project
        .run(
            f ->
                (f.kind().equals("finding") || f.kind().equals("related"))
                    && f.subject().equals(ruleId),
            false)
        .result();
  }
}
