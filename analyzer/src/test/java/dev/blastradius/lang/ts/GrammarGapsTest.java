package dev.blastradius.lang.ts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.Confidence;
import dev.blastradius.pipeline.AnalysisResult;
import org.junit.jupiter.api.Test;

/** Valid code the bundled grammar cannot parse but that holds no code is a note, not a problem. */
class GrammarGapsTest {

  @Test
  void positive_aBareAmpersandInJsxTextIsANoteAndTheComponentIsStillRead() {
    AnalysisResult result =
        RawSqlTest.withUsers()
            .source(
                "app/settings/page.tsx",
                """
                import { Pool } from 'pg';
                export default async function Page() {
                  // expect: read users.email @http
                  const rows = await new Pool().query('SELECT email FROM users');
                  return (
                    <section>
                      <h3>Compliance & Legal</h3>
                      <p>Terms & Conditions apply to {rows.length} users.</p>
                      <button>Verify & Complete</button>
                    </section>
                  );
                }
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
    assertThat(result.notes())
        .anySatisfy(
            n -> {
              assertThat(n.path()).isEqualTo("app/settings/page.tsx");
              assertThat(n.message())
                  .contains("a bare `&` in JSX text at 7:", "at 8:", "at 9:")
                  .contains("nothing in it was lost");
            });
    assertThat(result.graph().accesses())
        .extracting(Access::confidence)
        .containsOnly(Confidence.CERTAIN);
  }

  @Test
  void positive_exportTypeStarIsANoteAndTheBarrelStillReExportsItsCode() {
    AnalysisResult result =
        RawSqlTest.withUsers()
            .source(
                "src/db/users.ts",
                """
                import { Pool } from 'pg';
                export type User = { email: string };
                export async function emails() {
                  // expect: read users.email @http
                  return new Pool().query('SELECT email FROM users');
                }
                """)
            .source(
                "src/db/index.ts",
                """
                export * from './users';
                export type * from './users';
                export type * as shapes from './users';
                """)
            .source(
                "app/api/emails/route.ts",
                """
                import { emails } from '../../../src/db';
                export async function GET() {
                  return Response.json(await emails());
                }
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
    assertThat(result.notes())
        .anySatisfy(
            n -> {
              assertThat(n.path()).isEqualTo("src/db/index.ts");
              assertThat(n.message()).contains("`export type *` at 2:", "`export type *` at 3:");
            });
  }

  @Test
  void negative_anAmpersandThatBreaksTheRestOfTheElementStaysAProblem() {
    AnalysisResult result =
        RawSqlTest.withUsers()
            .source(
                "app/page.tsx",
                """
                import { Pool } from 'pg';
                export default function Page() {
                  return <p>Read & write, then {save()}</p>;
                }
                """)
            .doTest();
    assertThat(result.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.cause()).startsWith("syntax error at 3:"));
  }

  @Test
  void negative_aKnownGapNextToARealErrorStaysAProblem() {
    AnalysisResult result =
        RawSqlTest.withUsers()
            .source(
                "src/index.ts",
                """
                export type * from './users';
                export function broken( { return 'SELECT 1';
                """)
            .doTest();
    assertThat(result.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.cause()).startsWith("syntax error at 1:8, "));
    assertThat(result.notes()).noneSatisfy(n -> assertThat(n.path()).isEqualTo("src/index.ts"));
  }

  @Test
  void negative_typeAsAnErrorElsewhereIsNotTheExportGap() {
    AnalysisResult result =
        RawSqlTest.withUsers()
            .source(
                "src/odd.ts",
                """
                import { Pool } from 'pg';
                export type { from './users';
                """)
            .doTest();
    assertThat(result.problems()).hasSize(1);
  }
}
