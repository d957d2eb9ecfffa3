package dev.blastradius.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/**
 * SQLAlchemy declarative models (1.x {@code Column} and 2.0 {@code Mapped}/{@code mapped_column},
 * renamed columns, mixins, abstract bases, inheritance, relationships) and Core tables, and the
 * queries, statements and unit-of-work calls that read and write their columns.
 */
class SqlAlchemyOrmTest {

  static final String MODELS =
      """
      from datetime import datetime
      from typing import Optional

      from sqlalchemy import Column, ForeignKey, Integer, String, Table, MetaData
      from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


      class Base(DeclarativeBase):
          pass


      class Timestamps:
          created: Mapped[datetime] = mapped_column("created_at")


      class User(Timestamps, Base):
          __tablename__ = "users"

          id: Mapped[int] = mapped_column(primary_key=True)
          email: Mapped[str]
          display: Mapped[Optional[str]] = mapped_column(name="display_name")
          orders: Mapped[list["Order"]] = relationship(back_populates="user")


      class Order(Base):
          __tablename__ = "orders"

          id = Column(Integer, primary_key=True)
          user_id = Column(ForeignKey("users.id"))
          total = Column("amount", Integer, nullable=False)
          user = relationship("User", back_populates="orders")


      class Entity(Base):
          __abstract__ = True
          id: Mapped[int] = mapped_column(primary_key=True)


      class Tag(Entity):
          __tablename__ = "tags"
          label: Mapped[str] = mapped_column(String(40))


      metadata = MetaData()

      audit = Table("audit_log", metadata, Column("id", Integer), Column("message", String))
      """;

  static ExtractorTestHelper shop() {
    return ExtractorTestHelper.create()
        .source("shop/__init__.py", "")
        .source("shop/models.py", MODELS);
  }

  @Test
  void positive_queriesReadNamedColumnsAndLoadWholeModels() {
    shop()
        .source(
            "shop/queries.py",
            """
            from sqlalchemy import func, select
            from sqlalchemy.orm import Session

            from .models import Order, Tag, User, audit


            def by_email(session: Session, email):
                # expect: read users.email, read users.id, read users.created_at, read users.display_name
                return session.query(User).filter(User.email == email).first()


            def emails(session):
                # expect: read users.email, read users.display_name
                return session.query(User.email).order_by(User.display).all()


            def by_name(db, name):
                # expect: read users.display_name, read users.id, read users.email, read users.created_at
                return db.query(User).filter_by(display=name).one_or_none()


            def big(session):
                # expect: read orders.amount, read orders.id, read orders.user_id
                stmt = select(Order).where(Order.total > 100)
                return session.scalars(stmt).all()


            def totals(session):
                # expect: read orders.amount, read orders.user_id
                return session.execute(select(Order.total).where(Order.user_id == 1)).all()


            def tags(session):
                # expect: read tags.label, read tags.id
                return session.execute(select(Tag)).scalars().all()


            def how_many(session):
                # expect: read orders.*
                return session.query(Order).count()


            def one(session, key):
                # expect: read users.id, read users.email, read users.created_at, read users.display_name
                return session.get(User, key)


            def log(session):
                # expect: read audit_log.message, read audit_log.id
                return session.execute(select(audit.c.message).where(audit.c.id > 3)).all()
            """)
        .doTest();
  }

  @Test
  void positive_statementsAndTheUnitOfWorkWrite() {
    AnalysisResult result =
        shop()
            .source(
                "shop/writes.py",
                """
                from sqlalchemy import delete, insert, update

                from .models import Order, User, audit


                def rename(session, key, name):
                    # expect: write users.display_name, read users.id
                    session.execute(update(User).where(User.id == key).values(display=name))


                def add_order(session, user_id):
                    # expect: write orders.user_id, write orders.amount
                    session.execute(insert(Order).values(user_id=user_id, total=0))


                def purge(session):
                    # expect: write orders.*, read orders.amount
                    session.execute(delete(Order).where(Order.total == 0))


                def signup(session, email):
                    # expect: write users.email, write users.display_name
                    session.add(User(email=email, display="?"))


                def build(session, email):
                    user = User(email=email)
                    # expect: write users.display_name
                    user.display = "new"
                    # expect: write users.email, write users.display_name
                    session.add(user)


                def rename_all(session):
                    # expect: write users.display_name, read users.email
                    session.query(User).filter(User.email.like("%@old")).update({"display": "x"})


                def forget(session, key):
                    # expect: read users.id, read users.email, read users.created_at, read users.display_name
                    user = session.get(User, key)
                    # expect: write users.*
                    session.delete(user)


                def note(conn, text):
                    # expect: write audit_log.message
                    conn.execute(audit.insert().values(message=text))
                """)
            .doTest();
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.location().path().equals("shop/writes.py") && a.inserts())
        .extracting(a -> a.location().startLine() + " " + a.column().column())
        .containsExactlyInAnyOrder(
            "13 user_id",
            "13 amount",
            "23 email",
            "23 display_name",
            "31 email",
            "31 display_name",
            "48 message");
  }

  @Test
  void positive_loadedObjectsAndRelationshipsReadAndWriteAttributes() {
    shop()
        .source(
            "shop/service.py",
            """
            from .models import Order, User


            def rename(session, key):
                # expect: read users.id, read users.email, read users.created_at, read users.display_name
                user = session.query(User).filter_by(id=key).first()
                # expect: write users.email
                user.email = "x@y"
                for order in user.orders:
                    # expect: read orders.amount
                    print(order.total)


            def owner(session, key):
                # expect: read orders.id, read orders.user_id, read orders.amount
                order = session.get(Order, key)
                # expect: read users.email
                return order.user.email
            """)
        .doTest();
  }

  @Test
  void positive_asyncSessionsWorkTheSame() {
    shop()
        .source(
            "shop/api.py",
            """
            from sqlalchemy import select
            from sqlalchemy.ext.asyncio import AsyncSession

            from .models import User


            async def confirm(session: AsyncSession, email):
                # expect: read users.email, read users.id, read users.created_at, read users.display_name
                result = await session.execute(select(User).where(User.email == email))
                user = result.scalars().first()
                # expect: write users.display_name
                user.display = "confirmed"
                await session.commit()
            """)
        .doTest();
  }

  @Test
  void positive_flaskSqlalchemyModelsAndModelQuery() {
    ExtractorTestHelper.create()
        .source(
            "app.py",
            """
            from flask_sqlalchemy import SQLAlchemy

            db = SQLAlchemy()


            class Account(db.Model):
                __tablename__ = "accounts"
                id = db.Column(db.Integer, primary_key=True)
                email = db.Column("mail", db.String(120))
                plan = db.Column(db.String(20))


            class Premium(Account):
                level = db.Column(db.Integer)


            def find(mail):
                # expect: read accounts.mail, read accounts.id, read accounts.plan
                return Account.query.filter_by(email=mail).first()


            def upgrade(key):
                # expect: read accounts.id, read accounts.mail, read accounts.plan, read accounts.level
                premium = Premium.query.get(key)
                # expect: write accounts.level, read accounts.level
                premium.level += 1
                # expect: none
                db.session.commit()
            """)
        .doTest();
  }

  @Test
  void negative_nonModelsAndUnrelatedCallsAreNotAccesses() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .source(
                "shop/models.py",
                """
                from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


                class Base(DeclarativeBase):
                    pass


                class Mixin(Base):
                    __abstract__ = True
                    note: Mapped[str]


                class Plain:
                    __tablename__ = "plain"
                    name = "x"


                class Item(Mixin):
                    __tablename__ = "items"
                    id: Mapped[int] = mapped_column(primary_key=True)
                    owner = relationship("Item")
                """)
            .source(
                "shop/other.py",
                """
                from .models import Item, Mixin, Plain


                def unrelated(cache, session, key):
                    # expect: none
                    cache.query(Plain).filter(Plain.name == key)
                    # expect: none
                    cache.add(Plain())
                    # expect: none
                    session.query(Mixin)
                    # expect: none
                    select(Item)
                    # expect: none
                    session.add(key)
                """)
            .doTest();
    assertThat(result.graph().accesses())
        .extracting(Access::column)
        .noneMatch(c -> c.column().equals("owner") || c.table().equals("plain"));
  }

  @Test
  void positive_onlyTheSurestConfidenceIsKeptPerColumnAndSite() {
    AnalysisResult result =
        shop()
            .source(
                "shop/q.py",
                """
                from .models import User


                def find(session, email):
                    # expect: read users.email, read users.id, read users.created_at, read users.display_name
                    return session.query(User).filter(User.email == email).all()
                """)
            .doTest();
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.kind() == AccessKind.READ && a.column().column().equals("email"))
        .extracting(Access::confidence)
        .containsExactly(Confidence.CERTAIN);
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.column().column().equals("display_name"))
        .extracting(Access::confidence)
        .containsExactly(Confidence.LIKELY);
  }
}
