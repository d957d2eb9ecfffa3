package dev.blastradius.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.sql.SqlFrontend;
import dev.blastradius.pipeline.AnalysisOptions;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Language;
import dev.blastradius.source.SourceFile;
import dev.blastradius.testing.ExtractorTestHelper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Python skeleton: units, calls resolved through absolute, relative and aliased imports and
 * typed receivers, entry points propagated to accesses, the prefilter, syntax errors and timeouts.
 */
class PythonFrontendTest {

  private static final String DAO =
      """
      from django.db import connection


      def email_of(user_id):
          with connection.cursor() as cursor:
              # expect: read users.email @script, read users.id @script
              cursor.execute("SELECT email FROM users WHERE id = %s", [user_id])
              return cursor.fetchone()


      class Mailer:
          def send(self, user_id):
              return self._address(user_id)

          def _address(self, user_id):
              return email_of(user_id)


      def unused():
          with connection.cursor() as cursor:
              # expect: read users.name @none
              cursor.execute("SELECT name FROM users")
      """;

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
  void positive_entryPointsReachAccessesThroughImportsAndMethods() {
    AnalysisResult result =
        withUsers()
            .source("app/__init__.py", "")
            .source("app/users/__init__.py", "")
            .source("app/users/dao.py", DAO)
            .source(
                "app/users/service.py",
                """
                from .dao import Mailer as M


                def notify(user_id):
                    return M().send(user_id)
                """)
            .source("app/jobs/__init__.py", "")
            .source(
                "app/jobs/digest.py",
                """
                import app.users.service as svc
                from ..users import dao


                def run():
                    svc.notify(1)


                def direct():
                    dao.email_of(2)


                if __name__ == "__main__":
                    run()
                """)
            .source(
                "scripts/one_off.py",
                """
                from app.users.dao import email_of

                if __name__ == "__main__":
                    email_of(3)
                """)
            .doTest();
    Access read =
        result.graph().accesses().stream()
            .filter(a -> a.column().column().equals("email"))
            .filter(a -> a.location().path().equals("app/users/dao.py"))
            .findFirst()
            .orElseThrow();
    assertThat(read.entryPoints())
        .extracting(EntryPoint::label)
        .containsExactly("script app/jobs/digest.py", "script scripts/one_off.py");
  }

  @Test
  void positive_untypedReceiversMatchMethodsByName() {
    withUsers()
        .source(
            "app/dao.py",
            """
            class UserStore:
                def lookup_email(self, cursor, user_id):
                    # expect: read users.email @script, read users.id @script
                    cursor.execute("SELECT email FROM users WHERE id = %s", [user_id])
            """)
        .source(
            "app/cli.py",
            """
            def main(store, cursor):
                store.lookup_email(cursor, 1)


            if __name__ == "__main__":
                main(None, None)
            """)
        .doTest();
  }

  @Test
  void negative_commonMethodNamesAndLibraryReceiversDoNotMatchProjectMethods() {
    withUsers()
        .source(
            "app/views.py",
            """
            class Profile:
                def get(self, cursor):
                    # expect: read users.name @none
                    cursor.execute("SELECT name FROM users")
            """)
        .source(
            "app/cli.py",
            """
            import requests


            def main(options):
                options.get("x")
                requests.get("https://example.com")


            if __name__ == "__main__":
                main({})
            """)
        .doTest();
  }

  @Test
  void positive_skippedFilesThatCallDatabaseCodeAreParsedWhenLinking() {
    withUsers()
        .source(
            "app/dao.py",
            """
            def load_names(cursor):
                # expect: read users.name @script
                cursor.execute("SELECT name FROM users")
            """)
        .source(
            "app/helpers.py",
            """
            from app.dao import load_names


            def helper(c):
                return load_names(c)
            """)
        .source(
            "app/main.py",
            """
            from app import helpers

            if __name__ == "__main__":
                helpers.helper(None)
            """)
        .doTest();
    assertThat(Prefilter.mentionsDatabase("from app import helpers\nhelpers.helper(None)"))
        .isFalse();
    assertThat(Prefilter.mentionsDatabase("x = 'select 1'")).isTrue();
    assertThat(Prefilter.mentionsDatabase("from django.db import models")).isTrue();
  }

  @Test
  void positive_syntaxErrorsAreProblemsAndTheRestIsStillRead() {
    AnalysisResult result =
        withUsers()
            .source(
                "app/broken.py",
                """
                def fine(cursor):
                    # expect: read users.email
                    cursor.execute("SELECT email FROM users")


                def broken(:
                    pass
                """)
            .doTest();
    assertThat(result.problems())
        .extracting(AnalysisProblem::describe)
        .anySatisfy(
            p -> assertThat(p).startsWith("app/broken.py:6: extract: Python syntax error at 6:"));
  }

  @Test
  void negative_parseTimeoutIsAProblemNotSilence() {
    PythonFrontend frontend = new PythonFrontend(Duration.ofNanos(1_000));
    String text = "import psycopg2\n" + "x = [1, 2, 3]\n".repeat(50_000);
    SourceFile file = new SourceFile(Path.of("big.py"), "big.py", Language.PYTHON);
    ExtractContext context =
        new ExtractContext(
            Catalog.empty(),
            new SqlFrontend(SqlDialect.POSTGRES, AnalysisOptions.DEFAULT_SQL_TIME_LIMIT),
            List.of(file));
    FileFacts facts = frontend.extract(file, text, context);
    assertThat(facts.problems())
        .extracting(AnalysisProblem::cause)
        .singleElement()
        .satisfies(c -> assertThat(c).startsWith("parsing Python did not finish within"));
    assertThat(facts.units()).isEmpty();
  }

  @Test
  void negative_filesWithoutDatabaseVocabularyAreNotParsed() {
    PythonFrontend frontend = new PythonFrontend();
    SourceFile file = new SourceFile(Path.of("util.py"), "util.py", Language.PYTHON);
    ExtractContext context =
        new ExtractContext(
            Catalog.empty(),
            new SqlFrontend(SqlDialect.POSTGRES, AnalysisOptions.DEFAULT_SQL_TIME_LIMIT),
            List.of(file));
    FileFacts facts = frontend.extract(file, "def add(a, b):\n    return a +\n", context);
    assertThat(facts.units()).isEmpty();
    assertThat(facts.problems()).isEmpty();
    assertThat(frontend.link(List.of(facts), context))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.units()).isEmpty();
              assertThat(f.state()).isNull();
            });
  }

  private static ExtractContext contextOf(SourceFile file) {
    return new ExtractContext(
        Catalog.empty(),
        new SqlFrontend(SqlDialect.POSTGRES, AnalysisOptions.DEFAULT_SQL_TIME_LIMIT),
        List.of(file));
  }

  @Test
  void positive_aModuleReadAheadIsWhatExtractionWouldRead() {
    SourceFile file =
        new SourceFile(
            Path.of("ahead/app/migrations/0002_x.py"), "app/migrations/0002_x.py", Language.PYTHON);
    String text =
        "from django.db import migrations\n\ndef fill(apps, schema):\n    pass\n\ndef broken(:\n";
    PythonFrontend frontend = new PythonFrontend();
    FileFacts plain = frontend.extract(file, text, contextOf(file));
    List<AnalysisProblem> problems = new java.util.ArrayList<>();
    PyModule ahead = PythonFrontend.readAhead(file, text, problems);
    FileFacts reused = frontend.extract(file, text, contextOf(file));
    assertThat(reused.state()).isSameAs(ahead);
    assertThat(reused.units()).isEqualTo(plain.units()).isNotEmpty();
    assertThat(reused.problems()).isEqualTo(plain.problems()).isEqualTo(problems).hasSize(1);
    // Taken once: the next extraction reads the file itself.
    assertThat(frontend.extract(file, text, contextOf(file)).state()).isNotSameAs(ahead);
  }

  @Test
  void negative_aModuleReadAheadFromOtherTextOrLimitIsNotUsed() {
    SourceFile file =
        new SourceFile(
            Path.of("ahead/app/migrations/0003_y.py"), "app/migrations/0003_y.py", Language.PYTHON);
    String old = "from django.db import migrations\n\ndef old(apps, schema):\n    pass\n";
    String changed = "from django.db import migrations\n\ndef new(apps, schema):\n    pass\n";
    PythonFrontend.readAhead(file, old, new java.util.ArrayList<>());
    FileFacts facts = new PythonFrontend().extract(file, changed, contextOf(file));
    assertThat(facts.units()).extracting(u -> u.name()).contains("new").doesNotContain("old");
    PyModule ahead = PythonFrontend.readAhead(file, changed, new java.util.ArrayList<>());
    FileFacts limited =
        new PythonFrontend(Duration.ofNanos(1_000)).extract(file, changed, contextOf(file));
    assertThat(limited.state()).isNotSameAs(ahead);
  }
}
