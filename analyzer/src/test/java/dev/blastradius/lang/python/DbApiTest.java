package dev.blastradius.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.Confidence;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/** SQL handed to DB-API cursors, asyncpg, pandas and SQLAlchemy's text(), at the host statement. */
class DbApiTest {

  static ExtractorTestHelper withUsers() {
    return ExtractorTestHelper.create()
        .migration(
            "V1__users.sql",
            """
            -- expect: ddl users.id, ddl users.email, ddl users.name
            CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);
            """);
  }

  @Test
  void positive_cursorExecuteWithLiteralsConstantsAndPlaceholders() {
    withUsers()
        .source(
            "app/queries.py",
            """
            BY_ID = "SELECT email FROM users " "WHERE id = %s"
            """)
        .source(
            "app/dao.py",
            """
            import psycopg2
            from app.queries import BY_ID

            RENAME = \"""
                UPDATE users
                   SET name = %(name)s
                 WHERE id = %(id)s
            \"""


            def email_of(user_id):
                conn = psycopg2.connect("dbname=app")
                cur = conn.cursor()
                # expect: read users.email, read users.id
                cur.execute(BY_ID, (user_id,))
                return cur.fetchone()


            def rename(conn, user_id, name):
                with conn.cursor() as cur:
                    # expect: write users.name, read users.id
                    cur.execute(RENAME, {"id": user_id, "name": name})


            def count(cursor):
                sql = "SELECT count(*) FROM users"
                # expect: read users.*
                cursor.execute(sql)
            """)
        .doTest();
  }

  @Test
  void positive_asyncpgPandasAndSqlalchemyText() {
    withUsers()
        .source(
            "app/reports.py",
            """
            import pandas as pd
            from sqlalchemy import text


            async def names(pool):
                async with pool.acquire() as conn:
                    # expect: read users.name
                    return await conn.fetch("SELECT name FROM users")


            def frame(engine):
                # expect: read users.email
                return pd.read_sql("SELECT email FROM users", engine)


            def delete_user(session, user_id):
                # expect: write users.*, read users.id
                stmt = text("DELETE FROM users WHERE id = :id")
                session.execute(stmt, {"id": user_id})
            """)
        .doTest();
  }

  @Test
  void negative_textFragmentsAreNoStatements() {
    AnalysisResult result =
        withUsers()
            .source(
                "app/models.py",
                """
                from sqlalchemy import Column, DateTime, Integer, select, text
                from sqlalchemy.orm import declarative_base

                Base = declarative_base()


                class Event(Base):
                    __tablename__ = "events"
                    # expect: none
                    id = Column(Integer, primary_key=True, server_default=text("nextval('events_id_seq')"))
                    # expect: none
                    created_at = Column(DateTime, server_default=text("now()"))


                def recent(session):
                    # expect: read events.id
                    return session.execute(select(Event.id).where(text("created_at > now() - interval '1 day'")))


                def names(session):
                    # expect: read users.name
                    return session.execute(text("  select name from users")).all()
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void positive_dynamicPartsArePossible() {
    AnalysisResult result =
        withUsers()
            .source(
                "app/search.py",
                """
                def search(cursor, order_by, column):
                    # expect: read users.email
                    cursor.execute(f"SELECT email FROM users ORDER BY {order_by}")
                    # expect: read users.name
                    cursor.execute("SELECT name FROM users ORDER BY %s" % column)
                    # expect: read users.id
                    cursor.execute("SELECT id FROM users WHERE {} = 1".format(column))
                """)
            .doTest();
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.location().path().equals("app/search.py"))
        .hasSize(3)
        .allSatisfy(a -> assertThat(a.confidence()).isEqualTo(Confidence.POSSIBLE));
  }

  @Test
  void positive_constantPartsOfFormattingAreFoldedAndStayCertain() {
    AnalysisResult result =
        withUsers()
            .source(
                "app/columns.py",
                """
                import sqlite3

                COLUMNS = "id, email"
                TABLE = "users"


                def load():
                    conn = sqlite3.connect("app.db")
                    # expect: read users.id, read users.email
                    conn.execute(f"SELECT {COLUMNS} FROM {TABLE}")
                    # expect: read users.name
                    conn.execute("SELECT %s FROM %s" % ("name", TABLE))
                """)
            .doTest();
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.location().path().equals("app/columns.py"))
        .allSatisfy(a -> assertThat(a.confidence()).isEqualTo(Confidence.CERTAIN));
  }

  @Test
  void negative_executeOfNonSqlAndProjectMethodsIsIgnored() {
    withUsers()
        .source(
            "app/other.py",
            """
            import subprocess


            class Runner:
                def execute(self, command):
                    return subprocess.run(command)


            def go(thing):
                # expect: none
                Runner().execute("SELECT name FROM users")
                # expect: none
                thing.execute("rm -rf /tmp/x")
                # expect: none
                thing.fetch("https://example.com/select")
            """)
        .doTest();
  }
}
