package dev.blastradius.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.TableRef;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.testing.ExtractorTestHelper;
import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Alembic revisions: found under {@code versions/}, ordered by their {@code down_revision} chain,
 * replayed from {@code upgrade()} (plain and batch operations, {@code op.execute}), and accepted as
 * the proposed change.
 */
class AlembicMigrationsTest {

  static final String INITIAL =
      """
      import sqlalchemy as sa
      from alembic import op

      revision = "a1"
      down_revision = None


      def upgrade():
          op.create_table(
              "users",
              sa.Column("id", sa.Integer(), primary_key=True),
              sa.Column("email", sa.String(length=200), nullable=False),
              sa.Column("legacy", sa.Text()),
          )


      def downgrade():
          op.drop_table("users")
      """;

  /** Named so that path order differs from the chain's. */
  static final String ADD_NAME =
      """
      import sqlalchemy as sa
      from alembic import op

      revision = "b2"
      down_revision = "a1"


      def upgrade():
          op.add_column("users", sa.Column("nick", sa.String(50), nullable=True))
          op.alter_column("users", "email", new_column_name="mail")
          op.create_index("ix_users_mail", "users", ["mail"], unique=True)
          op.create_unique_constraint("uq_users_nick", "users", ["nick"])
          op.execute("UPDATE users SET nick = 'x' WHERE nick IS NULL")


      def downgrade():
          op.drop_column("users", "nick")
      """;

  static final String BATCH =
      """
      import sqlalchemy as sa
      from alembic import op

      revision = "c3"
      down_revision = "b2"


      def upgrade():
          with op.batch_alter_table("users") as batch_op:
              batch_op.alter_column("nick", nullable=False, server_default="anon")
              batch_op.add_column(sa.Column("age", sa.Integer()))
              batch_op.create_index("ix_users_age", ["age"])


      def downgrade():
          pass
      """;

  static ExtractorTestHelper project() {
    return ExtractorTestHelper.create()
        .source("alembic.ini", "[alembic]\nscript_location = migrations\n")
        .source("migrations/env.py", "from alembic import context\n")
        .source("migrations/versions/zz_initial.py", INITIAL)
        .source("migrations/versions/bb_add_name.py", ADD_NAME)
        .source("migrations/versions/aa_batch.py", BATCH);
  }

  @Test
  void positive_revisionsReplayInChainOrder() {
    AnalysisResult result =
        project()
            .source(
                "app/models.py",
                """
                from sqlalchemy import select
                from sqlalchemy.orm import DeclarativeBase, Mapped


                class Base(DeclarativeBase):
                    pass


                class User(Base):
                    __tablename__ = "users"
                    id: Mapped[int]
                    mail: Mapped[str]


                def find(session):
                    # expect: read users.mail @none, read users.id @none
                    return session.scalars(select(User)).all()
                """)
            .doTest();
    Catalog.Table users = result.catalog().table(new TableRef("public", "users")).orElseThrow();
    assertThat(users.columns())
        .extracting(Catalog.Column::name)
        .containsExactly("id", "mail", "legacy", "nick", "age");
    assertThat(users.column("nick").orElseThrow())
        .satisfies(
            c -> {
              assertThat(c.type()).isEqualTo("varchar(50)");
              assertThat(c.notNull()).isTrue();
              assertThat(c.defaultExpression()).isEqualTo("'anon'");
            });
    assertThat(users.column("mail").orElseThrow().notNull()).isTrue();
    assertThat(result.catalog().indexTable("ix_users_mail")).contains(users.ref());
    assertThat(result.catalog().indexTable("ix_users_age")).contains(users.ref());
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void negative_brokenChainsUnknownOperationsAndRuntimeSqlAreProblems() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source("migrations/versions/a_initial.py", INITIAL)
            .source(
                "migrations/versions/b_orphan.py",
                """
                from alembic import op

                revision = "x9"
                down_revision = "missing"


                def upgrade():
                    op.drop_column("users", "legacy")
                """)
            .source(
                "migrations/versions/c_custom.py",
                """
                from alembic import op

                revision = "c3"
                down_revision = "a1"


                def statement():
                    return "UPDATE users SET legacy = NULL"


                def upgrade():
                    op.execute(statement())
                    op.bulk_insert(None, [])
                """)
            .source(
                "app/report.py",
                """
                from sqlalchemy import text


                def emails(conn):
                    # expect: read users.email
                    return conn.execute(text("SELECT email FROM users"))
                """)
            .doTest();
    assertThat(result.problems())
        .extracting(AnalysisProblem::describe)
        .containsExactlyInAnyOrder(
            "migrations/versions/b_orphan.py: replay: Alembic revision x9 follows missing, which is"
                + " not among the migrations; it is replayed after the others",
            "migrations/versions/c_custom.py:12: replay: op.execute at line 12 runs SQL built at"
                + " run time; it is not replayed",
            "migrations/versions/c_custom.py:13: replay: Alembic operation bulk_insert at line 13"
                + " is not replayed; its schema effects are missing");
    // The orphan still replays, after the chain.
    assertThat(result.catalog().table(new TableRef("public", "users")).orElseThrow().columns())
        .extracting(Catalog.Column::name)
        .containsExactly("id", "email");
  }

  @Test
  void positive_namesWrappedInOpFAreReplayed() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source("migrations/versions/a_initial.py", INITIAL)
            .source(
                "migrations/versions/b_indexes.py",
                """
                from alembic import op

                revision = "b2"
                down_revision = "a1"


                def upgrade():
                    op.create_index(op.f("ix_users_email"), "users", ["email"], unique=False)
                    op.create_unique_constraint(op.f("uq_users_legacy"), "users", ["legacy"])
                    with op.batch_alter_table("users") as batch_op:
                        batch_op.create_index(batch_op.f("ix_users_legacy"), ["legacy"])
                    op.drop_index(op.f("ix_users_email"), table_name="users")
                """)
            .source(
                "app/report.py",
                """
                from sqlalchemy import text


                def emails(conn):
                    # expect: read users.email
                    return conn.execute(text("SELECT email FROM users"))
                """)
            .doTest();
    TableRef users = new TableRef("public", "users");
    assertThat(result.catalog().indexTable("ix_users_legacy")).contains(users);
    assertThat(result.catalog().indexTable("ix_users_email")).isEmpty();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void negative_aNameBuiltAtRunTimeIsStillAProblem() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source("migrations/versions/a_initial.py", INITIAL)
            .source(
                "migrations/versions/b_indexes.py",
                """
                from alembic import op

                revision = "b2"
                down_revision = "a1"


                def upgrade():
                    op.create_index(index_name("email"), "users", ["email"])
                """)
            .source(
                "app/report.py",
                """
                from sqlalchemy import text


                def emails(conn):
                    # expect: read users.email
                    return conn.execute(text("SELECT email FROM users"))
                """)
            .doTest();
    assertThat(result.problems())
        .extracting(AnalysisProblem::describe)
        .containsExactly(
            "migrations/versions/b_indexes.py:8: replay: Alembic operation create_index at line 8"
                + " is not replayed; its schema effects are missing");
  }

  @Test
  void negative_aCycleIsAProblemNotACrash() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source(
                "versions/one.py",
                "from alembic import op\nrevision = 'r1'\ndown_revision = 'r2'\n\n\n"
                    + "def upgrade():\n    op.drop_table('a')\n")
            .source(
                "versions/two.py",
                "from alembic import op\nrevision = 'r2'\ndown_revision = 'r1'\n\n\n"
                    + "def upgrade():\n    op.drop_table('b')\n")
            .source("app/main.py", "def main():\n    # expect: none\n    print('hello')\n")
            .doTest();
    assertThat(result.problems())
        .extracting(AnalysisProblem::describe)
        .containsExactly(
            "versions/one.py: replay: Alembic revision r1 is part of a cycle of down_revision"
                + " links; it is replayed after the others",
            "versions/two.py: replay: Alembic revision r2 is part of a cycle of down_revision"
                + " links; it is replayed after the others");
  }

  static final String MODELS =
      """
      from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


      class Base(DeclarativeBase):
          pass


      class User(Base):
          __tablename__ = "users"
          id: Mapped[int] = mapped_column(primary_key=True)
          email: Mapped[str]
          legacy: Mapped[str]
      """;

  @Test
  void positive_proposedAlembicRevisionIsChecked() {
    RuleTestHelper.forRule("drop-column-still-read")
        .source("migrations/versions/a1_initial.py", INITIAL)
        .source("app/models.py", MODELS)
        .source(
            "app/report.py",
            """
            from .models import User


            def legacy(session):
                # expect: related drop-column-still-read
                return session.query(User.legacy).all()
            """)
        .proposedAt(
            "migrations/versions/b2_drop_legacy.py",
            """
            from alembic import op

            revision = "b2"
            down_revision = "a1"


            def upgrade():
                # expect: finding drop-column-still-read ~ "users.legacy"
                op.drop_column("users", "legacy")


            def downgrade():
                pass
            """)
        .doTest();
  }

  @Test
  void negative_proposedDropOfAnUnreadColumnIsFine() {
    RuleTestHelper.forRule("drop-column-still-read")
        .source("migrations/versions/a1_initial.py", INITIAL)
        .source("app/models.py", MODELS)
        .source(
            "app/report.py",
            """
            from .models import User


            def emails(session):
                return session.query(User.email).all()
            """)
        .proposedAt(
            "migrations/versions/b2_drop_legacy.py",
            """
            from alembic import op

            revision = "b2"
            down_revision = "a1"


            def upgrade():
                with op.batch_alter_table("users") as batch_op:
                    # expect: none
                    batch_op.drop_column("legacy")
            """)
        .doTest();
  }
}
