package dev.blastradius.lang.ts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.lang.ts.prisma.PrismaSchema;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/** Prisma: the schema's mappings, client reads and writes, nested writes, transactions. */
class PrismaTest {

  private static final String SCHEMA =
      """
      datasource db {
        provider = "postgresql"
        url      = env("DATABASE_URL") // a comment
      }

      model User {
        id        Int      @id @default(autoincrement())
        email     String   @unique
        fullName  String?  @map("full_name")
        avatar    String   @default("https://example.com/a.png")
        role      Role     @default(USER)
        posts     Post[]
        updatedAt DateTime @updatedAt @map("updated_at")

        @@map("users")
      }

      model Post {
        id        String   @id @default(uuid())
        title     String
        author    User     @relation(fields: [authorId], references: [id])
        authorId  Int      @map("author_id")
        published Boolean  @default(false)

        @@map("posts")
      }

      enum Role {
        USER
        ADMIN
      }
      """;

  private static ExtractorTestHelper project() {
    return ExtractorTestHelper.create().source("prisma/schema.prisma", SCHEMA);
  }

  @Test
  void positive_readsWithSelectIncludeWhereAndOrder() {
    project()
        .source(
            "src/users.ts",
            """
            import { PrismaClient } from '@prisma/client';
            const prisma = new PrismaClient();

            export async function names() {
              // expect: read users.full_name, read users.email, read users.role
              return prisma.user.findMany({ select: { fullName: true }, where: { email: { contains: '@' } }, orderBy: { role: 'asc' } });
            }

            export async function one(id: number) {
              // expect: read users.id, read users.email, read users.full_name, read users.avatar, read users.role, read users.updated_at, read posts.id, read posts.title, read posts.author_id, read posts.published
              return prisma.user.findUnique({ where: { id }, include: { posts: true } });
            }

            export async function titles() {
              const where = { published: true, author: { email: 'a@b.c' } };
              // expect: read posts.title, read posts.published, read posts.author_id, read users.email, read users.full_name
              return prisma.post.findMany({ where, select: { title: true, author: { select: { fullName: true } } } });
            }

            export async function count() {
              // expect: read users.*, read users.role
              return prisma.user.count({ where: { OR: [{ role: 'ADMIN' }] } });
            }
            """)
        .doTest();
  }

  @Test
  void positive_writesNestedWritesDefaultsAndTransactions() {
    project()
        .source(
            "src/writes.ts",
            """
            import { PrismaClient } from '@prisma/client';
            const db = new PrismaClient();

            export async function signUp(email: string) {
              // expect: write users.email, write users.updated_at, write posts.title, write posts.author_id, write posts.id, read users.id
              return db.user.create({
                data: { email, posts: { create: [{ title: 'Hello' }] } },
                select: { id: true },
              });
            }

            export async function rename(id: number, fullName: string) {
              await db.$transaction(async (tx) => {
                // expect: write users.email, read users.email, read users.id
                await tx.$executeRaw`UPDATE users SET email = lower(email) WHERE id = ${id}`;
                // expect: write users.full_name, write users.updated_at, read users.id
                await tx.user.updateMany({ where: { id }, data: { fullName } });
                // expect: write posts.*, read posts.author_id
                await tx.post.deleteMany({ where: { authorId: id } });
              });
            }

            export async function move(postId: string, userId: number) {
              // expect: write posts.author_id, read users.id, read posts.id
              await db.post.update({ where: { id: postId }, data: { author: { connect: { id: userId } } }, select: { id: true } });
            }
            """)
        .doTest();
  }

  @Test
  void positive_aSpreadInsideARelationFilterIsReadNotACrash() {
    project()
        .source(
            "src/posts.ts",
            """
            import { PrismaClient } from '@prisma/client';
            const prisma = new PrismaClient();

            const ownedBy = (id: number) => ({ id });

            export async function mine(id: number) {
              // expect: read posts.id, read posts.title, read posts.author_id, read posts.published, read users.email
              return prisma.post.findMany({ where: { author: { ...ownedBy(id), email: { contains: '@' } } } });
            }

            export async function theirs(id: number) {
              // expect: read posts.title, read posts.author_id, read users.email
              return prisma.post.findMany({ select: { title: true }, where: { author: { ...ownedBy(id), is: { email: 'a' } } } });
            }
            """)
        .doTest();
  }

  @Test
  void negative_aSpreadInsideAPlainObjectIsNoAccess() {
    project()
        .source(
            "src/plain.ts",
            """
            const ownedBy = (id: number) => ({ id });

            export function filter(id: number) {
              // expect: none
              return { where: { author: { ...ownedBy(id), is: { email: 'a' } } } };
            }
            """)
        .doTest();
  }

  @Test
  void positive_aSpreadOrUnknownDataWritesEveryScalarColumnAsLikely() {
    AnalysisResult result =
        project()
            .source(
                "src/spread.ts",
                """
                import { PrismaClient, Prisma } from '@prisma/client';
                const prisma = new PrismaClient();

                export async function edit(id: number, data: Prisma.UserUpdateInput) {
                  // expect: write users.id, write users.email, write users.full_name, write users.avatar, write users.role, write users.updated_at, read users.id
                  return prisma.user.update({ where: { id }, data: { ...data }, select: { id: true } });
                }

                export async function add(input, email: string) {
                  // expect: write users.id, write users.email, write users.full_name, write users.avatar, write users.role, write users.updated_at, read users.id
                  return prisma.user.create({ data: { ...input, email }, select: { id: true } });
                }

                export async function put(id: number, input) {
                  // expect: write users.id, write users.email, write users.full_name, write users.avatar, write users.role, write users.updated_at, read users.id
                  return prisma.user.upsert({ where: { id }, create: input, update: { ...input }, select: { id: true } });
                }
                """)
            .doTest();
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.kind() == dev.blastradius.graph.AccessKind.WRITE)
        .extracting(
            a ->
                a.location().startLine()
                    + " "
                    + a.column().column()
                    + " "
                    + a.confidence()
                    + (a.implicit() ? " implicit" : ""))
        .contains(
            "6 full_name LIKELY implicit",
            "6 email LIKELY implicit",
            "11 email CERTAIN",
            "11 role LIKELY implicit",
            "16 avatar LIKELY implicit")
        .noneMatch(s -> s.contains(" * "));
  }

  @Test
  void negative_namedDataWithoutSpreadWritesOnlyItsKeys() {
    project()
        .source(
            "src/named.ts",
            """
            import { PrismaClient } from '@prisma/client';
            const prisma = new PrismaClient();
            export async function rename(id: number, fullName: string) {
              // expect: write users.full_name, write users.updated_at, read users.id
              return prisma.user.update({ where: { id }, data: { fullName }, select: { id: true } });
            }
            """)
        .doTest();
  }

  @Test
  void negative_unknownModelsAndLookalikesAreIgnored() {
    AnalysisResult result =
        project()
            .source(
                "src/other.ts",
                """
                import { PrismaClient } from '@prisma/client';
                const prisma = new PrismaClient();
                export async function f(cache: Map<string, unknown>) {
                  // expect: none
                  await prisma.session.findMany();
                  // expect: none
                  await db.query.users.findMany();
                  // expect: none
                  cache.delete('x');
                }
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void negative_aClientCallWithoutAnySchemaIsAProblem() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source(
                "src/noschema.ts",
                """
                import { PrismaClient } from '@prisma/client';
                const prisma = new PrismaClient();
                // expect: none
                export const all = () => prisma.user.findMany();
                """)
            .doTest();
    assertThat(result.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.cause()).contains("no schema.prisma defines its model"));
  }

  @Test
  void positive_schemaReaderKeepsMapsRelationsAndClientDefaults() {
    PrismaSchema schema = PrismaSchema.parse("schema.prisma", SCHEMA);
    assertThat(schema.problems()).isEmpty();
    PrismaSchema.Model post = schema.byAccessor("post").orElseThrow();
    assertThat(post.table()).isEqualTo("posts");
    assertThat(post.field("author").orElseThrow().relationFields()).containsExactly("authorId");
    assertThat(post.field("authorId").orElseThrow().column()).isEqualTo("author_id");
    assertThat(post.field("id").orElseThrow().clientDefault()).isTrue();
    PrismaSchema.Model user = schema.model("User").orElseThrow();
    assertThat(user.field("avatar").orElseThrow().clientDefault()).isFalse();
    assertThat(schema.isColumn(user.field("role").orElseThrow())).isTrue();
    assertThat(schema.isColumn(user.field("posts").orElseThrow())).isFalse();
    assertThat(PrismaSchema.parse("x.prisma", "model A {\n  id Int\n").problems())
        .extracting(PrismaSchema.Problem::message)
        .containsExactly("the model block A is not closed");
  }
}
