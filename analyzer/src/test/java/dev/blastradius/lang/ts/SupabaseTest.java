package dev.blastradius.lang.ts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.lang.ts.supabase.SupabaseSelect;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/** Supabase query chains: the select language, writes, filters and rpc. */
class SupabaseTest {

  private static final String TABLES =
      """
      -- expect: ddl users.id, ddl users.email, ddl users.name, ddl users.settings
      CREATE TABLE users (id bigint PRIMARY KEY, email text, name text, settings jsonb);
      -- expect: ddl posts.id, ddl posts.author_id, ddl posts.title, ddl posts.published
      CREATE TABLE posts (id bigint PRIMARY KEY, author_id bigint, title text, published boolean);
      """;

  private static ExtractorTestHelper project() {
    return ExtractorTestHelper.create().migration("V1__tables.sql", TABLES);
  }

  @Test
  void positive_selectLanguageWithEmbedsAliasesInnerJoinsAndFilters() {
    project()
        .source(
            "src/lib/posts.ts",
            """
            import { createClient } from '@supabase/supabase-js';
            const supabase = createClient(url, key);

            export async function feed(author: number) {
              // expect: read posts.title, read posts.id, read users.name, read users.email, read posts.published, read posts.author_id, read users.id
              const { data } = await supabase
                .from('posts')
                .select('id, title, author:users!inner(name, email), published::text')
                .eq('published', true)
                .or('author_id.eq.' + author + ',and(id.gt.10,title.is.null)')
                .order('id', { ascending: false })
                .eq('author.id', author);
              return data;
            }

            export async function profile() {
              // expect: read users.id, read users.email, read users.name, read users.settings
              return supabase.from('users').select('*, theme:settings->>theme').match({ id: 1 });
            }

            export async function count() {
              // expect: read users.*
              return supabase.from('users').select('*', { count: 'exact', head: true });
            }
            """)
        .doTest();
  }

  @Test
  void positive_writesWithReturnedColumnsAndRpc() {
    project()
        .migration(
            "V2__fn.sql",
            """
            CREATE FUNCTION publish_all() RETURNS void LANGUAGE sql AS $$
              -- expect: write posts.published @test
              UPDATE posts SET published = true
            $$;
            """)
        .source(
            "src/lib/write.test.ts",
            """
            import { createClient } from '@supabase/supabase-js';
            const supabase = createClient(url, key);
            const row = { email: 'a@b.c', name: 'A' };

            test('writes', async () => {
              // expect: write users.email @test, write users.name @test, read users.id @test
              await supabase.from('users').insert(row).select('id').single();
              // expect: write users.name @test, read users.id @test
              await supabase.from('users').update({ name: 'B' }).eq('id', 1);
              // expect: write users.email @test, read users.email @test
              await supabase.from('users').upsert([{ email: 'x' }], { onConflict: 'email' });
              // expect: write posts.* @test, read posts.author_id @test
              await supabase.from('posts').delete().in('author_id', [1, 2]);
              // expect: write users.* @test
              await supabase.from('users').insert(payload());
              await supabase.rpc('publish_all');
            });
            """)
        .doTest();
  }

  @Test
  void negative_storageBucketsKnexChainsAndUnknownTablesAreNotTables() {
    project()
        .source(
            "src/lib/files.ts",
            """
            import { createClient } from '@supabase/supabase-js';
            const supabase = createClient(url, key);
            export async function upload(file: File) {
              // expect: none
              await supabase.storage.from('avatars').upload('a.png', file);
              // expect: none
              await supabase.from(tableName()).select('id');
              // expect: read users.name
              await supabase.from('users').select('name, missing_relation(x)');
            }
            """)
        .doTest();
  }

  @Test
  void positive_selectParserKeepsColumnsOfJsonPathsCastsAndAggregates() {
    SupabaseSelect.Selection selection =
        SupabaseSelect.parse(
            "id, \"Full Name\", total:amount.sum(), data->a->>b, x::text, count(), "
                + "...profiles!fk_user(avatar, org:orgs(name))");
    assertThat(selection.columns()).containsExactly("id", "Full Name", "amount", "data", "x");
    assertThat(selection.embeds())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.relation()).isEqualTo("profiles");
              assertThat(e.hints()).containsExactly("fk_user");
              assertThat(e.selection().columns()).containsExactly("avatar");
              assertThat(e.selection().embeds().get(0).relation()).isEqualTo("orgs");
            });
  }
}
