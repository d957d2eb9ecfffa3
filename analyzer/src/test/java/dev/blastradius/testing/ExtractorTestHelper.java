package dev.blastradius.testing;

import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.schema.SqlDialect;

/**
 * Marker tests for frontends: sources as text blocks, optionally Flyway migrations for the catalog;
 * every read/write/ddl reported on a marked file must be claimed by a marker, and every marker must
 * be met. {@code @kind} suffixes are checked when written.
 *
 * <pre>
 * ExtractorTestHelper.create()
 *     .migration("V1__users.sql", "CREATE TABLE users (id int, email text);")
 *     .source("src/main/java/app/UserDao.java", """ … // expect: read users.email … """)
 *     .doTest();
 * </pre>
 */
public final class ExtractorTestHelper {

  private final TestProject project = new TestProject();

  private ExtractorTestHelper() {}

  public static ExtractorTestHelper create() {
    return new ExtractorTestHelper();
  }

  /** A Flyway migration under {@code src/main/resources/db/migration/}. */
  public ExtractorTestHelper migration(String fileName, String sql) {
    project.add(TestProject.MIGRATIONS + fileName, sql);
    return this;
  }

  /** A source file at a repository-relative path. */
  public ExtractorTestHelper source(String path, String text) {
    project.add(path, text);
    return this;
  }

  public ExtractorTestHelper dialect(SqlDialect dialect) {
    project.dialect(dialect);
    return this;
  }

  /** Runs {@code scan} and checks the markers; returns the result for further assertions. */
  public AnalysisResult doTest() {
    return project
        .run(
            f -> f.kind().equals("read") || f.kind().equals("write") || f.kind().equals("ddl"),
            false)
        .result();
  }
}
