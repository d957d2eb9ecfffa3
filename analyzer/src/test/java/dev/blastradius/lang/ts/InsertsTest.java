package dev.blastradius.lang.ts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Writes that create rows supply their columns ({@code inserts}), so not-null-vs-writers sees which
 * columns an ORM insert leaves out; updates and whole-table writes supply nothing.
 */
class InsertsTest {

  private static final String TABLES =
      """
      -- expect: ddl users.id, ddl users.email, ddl users.name
      CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);
      """;

  private static final String DRIZZLE_SCHEMA =
      """
      import { pgTable, serial, text } from 'drizzle-orm/pg-core';
      export const users = pgTable('users', { id: serial('id'), email: text('email'), name: text('name') });
      """;

  private static List<String> inserting(AnalysisResult result, String path) {
    return result.graph().accesses().stream()
        .filter(a -> a.location().path().equals(path) && a.kind() == AccessKind.WRITE)
        .map(a -> a.location().startLine() + " " + a.column().column() + " " + a.inserts())
        .sorted()
        .toList();
  }

  @Test
  void positive_insertsSupplyTheirColumnsAndUpdatesDoNot() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .migration("V1__users.sql", TABLES)
            .source("src/db/schema.ts", DRIZZLE_SCHEMA)
            .source(
                "src/writers.ts",
                """
                import knex from 'knex';
                import { createClient } from '@supabase/supabase-js';
                import { db } from './db/client';
                import { users } from './db/schema';
                const k = knex({ client: 'pg' });
                const supabase = createClient(url, key);

                export async function writers(email: string) {
                  // expect: write users.email
                  await k('users').insert({ email });
                  // expect: write users.name, read users.id
                  await k('users').where('id', 1).update({ name: 'x' });
                  // expect: write users.email
                  await supabase.from('users').insert({ email });
                  // expect: write users.name
                  await supabase.from('users').update({ name: 'y' });
                  // expect: write users.email
                  await db.insert(users).values({ email });
                  // expect: write users.name
                  await db.update(users).set({ name: 'z' });
                }
                """)
            .doTest();
    assertThat(inserting(result, "src/writers.ts"))
        .containsExactly(
            "10 email true",
            "12 name false",
            "14 email true",
            "16 name false",
            "18 email true",
            "20 name false");
  }

  @Test
  void negative_anUnknownRowSuppliesNoColumn() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .migration("V1__users.sql", TABLES)
            .source(
                "src/import.ts",
                """
                import { createClient } from '@supabase/supabase-js';
                const supabase = createClient(url, key);
                export async function load(rows: object[]) {
                  // expect: write users.*
                  await supabase.from('users').insert(rows);
                }
                """)
            .doTest();
    assertThat(result.graph().accesses()).noneMatch(Access::inserts);
  }
}
