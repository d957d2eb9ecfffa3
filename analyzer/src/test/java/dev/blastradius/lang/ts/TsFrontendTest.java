package dev.blastradius.lang.ts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.Confidence;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.sql.SqlFrontend;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.source.Language;
import dev.blastradius.source.SourceFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grammar choice, the prefilter, syntax errors and timeouts with the island-lexer fallback. */
class TsFrontendTest {

  private static final ExtractContext CONTEXT =
      new ExtractContext(
          Catalog.empty(), new SqlFrontend(SqlDialect.POSTGRES, Duration.ofSeconds(5)), List.of());

  private static FileFacts extract(TsFrontend frontend, String path, String text) {
    SourceFile file = new SourceFile(Path.of(path), path, Language.TYPESCRIPT);
    return frontend.extract(file, text, CONTEXT);
  }

  @Test
  void positive_angleBracketCastsParseInTsFilesButAreSyntaxErrorsInTsx() {
    String code =
        """
        import { Pool } from 'pg';
        const pool = <Pool>makePool();
        export function names() {
          // expect: read users.name
          return pool.query('SELECT name FROM users');
        }
        """;
    RawSqlTest.withUsers().source("src/cast.ts", code).doTest();
    // The same text is not TSX: the file is read with error recovery, reported, and its SQL is
    // only possible.
    AnalysisResult result =
        RawSqlTest.withUsers()
            .source(
                "src/cast.tsx",
                code.replace("// expect: read users.name", "// expect: read users.name"))
            .doTest();
    assertThat(result.problems())
        .anySatisfy(
            p -> {
              assertThat(p.path()).isEqualTo("src/cast.tsx");
              assertThat(p.cause()).startsWith("syntax error at 2:");
            });
  }

  @Test
  void positive_sqlInBrokenCodeIsFoundByTheIslandLexerAsPossible() {
    AnalysisResult result =
        RawSqlTest.withUsers()
            .source(
                "src/broken.ts",
                """
                import { Pool } from 'pg';
                export function broken( {
                  // expect: read users.email
                  return new Pool().query(`SELECT email FROM users`
                }
                """)
            .doTest();
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.location().path().equals("src/broken.ts"))
        .extracting(Access::confidence)
        .containsOnly(Confidence.POSSIBLE);
    assertThat(result.problems()).extracting(p -> p.path()).containsExactly("src/broken.ts");
  }

  @Test
  void positive_aParseOverTheTimeLimitIsAProblemAndTheLexerStillFindsSql() {
    StringBuilder text = new StringBuilder("import { Pool } from 'pg';\n");
    text.append("const q = 'SELECT name FROM users';\n");
    text.append("const big = [").append("1, ".repeat(200_000)).append("];\n");
    FileFacts facts =
        extract(new TsFrontend(Duration.ofNanos(1000)), "src/big.ts", text.toString());
    assertThat(facts.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.cause()).startsWith("parsing took longer than"));
    assertThat(facts.accesses())
        .extracting(a -> a.access().location().startLine() + " " + a.access().confidence())
        .containsExactly("2 POSSIBLE");
  }

  @Test
  void negative_filesWithoutDatabaseWordsAreNotParsed() {
    FileFacts facts =
        extract(
            new TsFrontend(),
            "src/ui/Button.ts",
            """
            import { cn } from '@/lib/utils';
            export function Button(props: { label: string }) {
              return cn('btn', props.label);
            }
            """);
    assertThat(facts.units()).isEmpty();
    assertThat(facts.state())
        .isInstanceOfSatisfying(
            TsModule.class,
            m -> {
              assertThat(m.parsed).isFalse();
              assertThat(m.specifiers).containsExactly("@/lib/utils");
            });
    assertThat(DatabaseVocabulary.mentionsDatabase("const rows = await db.Select()")).isTrue();
    assertThat(DatabaseVocabulary.mentionsDatabase("const selected = items.filter(Boolean)"))
        .isFalse();
  }

  @Test
  void positive_everyVocabularyWordIsFoundInAnyCaseAndOnlyAsAWholeWord() {
    for (String word : DatabaseVocabulary.WORDS) {
      String upper = word.toUpperCase(java.util.Locale.ROOT);
      assertThat(DatabaseVocabulary.mentionsDatabase("x(" + word + ");")).as(word).isTrue();
      assertThat(DatabaseVocabulary.mentionsDatabase("// " + upper)).as(upper).isTrue();
      assertThat(DatabaseVocabulary.mentionsDatabase(word + "x y" + word + " _" + word))
          .as(word + " inside longer words")
          .isFalse();
    }
    assertThat(DatabaseVocabulary.mentionsDatabase("")).isFalse();
    assertThat(DatabaseVocabulary.mentionsDatabase("a b $ é ü")).isFalse();
  }

  @Test
  void negative_declarationFilesAreSkipped() {
    FileFacts facts =
        extract(
            new TsFrontend(),
            "src/types/db.d.ts",
            "export declare function query(sql: string): void;\n");
    assertThat(facts.units()).isEmpty();
    assertThat(facts.problems()).isEmpty();
  }
}
