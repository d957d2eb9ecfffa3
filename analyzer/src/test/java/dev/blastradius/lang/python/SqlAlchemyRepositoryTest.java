package dev.blastradius.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.Confidence;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Generic repositories over SQLAlchemy models (a repository class written once, built per model
 * with the model class as a constructor argument), read at the repository call; and model
 * constructors, which are not SQL.
 */
class SqlAlchemyRepositoryTest {

  static final String MODELS =
      """
      from sqlalchemy import ForeignKey, Integer, String
      from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


      class Base(DeclarativeBase):
          id: Mapped[int] = mapped_column(Integer, primary_key=True)


      class Reinit:
          def refresh_from(self, **values):
              self.__init__(**values)


      class Coupon(Base, Reinit):
          __tablename__ = "coupons"
          code: Mapped[str] = mapped_column(String(20))
          remaining: Mapped[int] = mapped_column(Integer)


      class Ticket(Base):
          __tablename__ = "tickets"
          secret: Mapped[str] = mapped_column(String(64))
          owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id"))

          def __init__(self, owner_id, secret, **_):
              self.owner_id = owner_id
              # expect: none
              self.secret = secret

          def rotate(self, secret):
              # expect: write tickets.secret
              self.secret = secret
      """;

  static final String GENERIC =
      """
      from typing import Generic, TypeVar

      from sqlalchemy import select
      from sqlalchemy.orm import Session

      M = TypeVar("M")


      class Repository(Generic[M]):
          def __init__(self, session: Session, key: str, model: type[M]):
              self.session = session
              self.key = key
              self.model = model

          def _query(self):
              return select(self.model)

          def _one(self, value) -> M:
              return self.session.execute(self._query().filter_by(**{self.key: value})).scalars().one()

          def find(self, value, key=None):
              q = self._query().filter_by(**{key or self.key: value})
              return self.session.execute(q).scalars().one_or_none()

          def listing(self):
              return self.session.execute(self._query()).scalars().all()

          def add(self, data: dict):
              row = self.model(**data)
              self.session.add(row)
              self.session.commit()
              return row

          def change(self, value, data: dict):
              row = self._one(value)
              row.refresh_from(**data)
              self.session.commit()

          def remove(self, value):
              row = self._one(value)
              self.session.delete(row)


      class ScopedRepository(Repository[M]):
          def __init__(self, session: Session, key: str, model: type[M], *, tenant: int):
              super().__init__(session, key, model)
              self.tenant = tenant
      """;

  static final String FACTORY =
      """
      from functools import cached_property

      from .models import Coupon, Ticket
      from .repository import Repository, ScopedRepository


      class Repos:
          def __init__(self, session, tenant):
              self.session = session
              self.tenant = tenant

          @cached_property
          def coupons(self) -> ScopedRepository[Coupon]:
              return ScopedRepository(self.session, "code", Coupon, tenant=self.tenant)

          @property
          def tickets(self):
              return Repository(self.session, "secret", model=Ticket)
      """;

  static ExtractorTestHelper shop() {
    return ExtractorTestHelper.create()
        .source("shop/__init__.py", "")
        .source("shop/models.py", MODELS)
        .source("shop/repository.py", GENERIC)
        .source("shop/repos.py", FACTORY);
  }

  @Test
  void positive_repositoryCallsAreReadAtTheCallWithTheBoundModel() {
    AnalysisResult result =
        shop()
            .source(
                "shop/api.py",
                """
                from fastapi import APIRouter

                from .repos import Repos

                router = APIRouter()


                class Controller:
                    _repos: Repos | None = None

                    def __init__(self, session):
                        self.session = session

                    @property
                    def repos(self):
                        if not self._repos:
                            self._repos = Repos(self.session, 1)
                        return self._repos


                @router.get("/coupons")
                def coupons(session):
                    # expect: read coupons.id @http, read coupons.code @http, read coupons.remaining @http
                    return Controller(session).repos.coupons.listing()


                @router.post("/coupons")
                def create(session, code):
                    # expect: write coupons.id @http, write coupons.code @http, write coupons.remaining @http
                    return Controller(session).repos.coupons.add({"code": code, "remaining": 3})


                @router.post("/coupons/use")
                def use(session, code):
                    repos = Repos(session, 1)
                    # expect: read coupons.id @http, read coupons.code @http, read coupons.remaining @http
                    coupon = repos.coupons.find(code)
                    # the repository returns the managed object itself: changing it is a write
                    # expect: read coupons.remaining @http, write coupons.remaining @http
                    coupon.remaining = coupon.remaining - 1
                    # expect: read coupons.id @http, read coupons.code @http, read coupons.remaining @http, write coupons.id @http, write coupons.code @http, write coupons.remaining @http
                    repos.coupons.change(code, coupon)


                @router.delete("/tickets")
                def drop(session, secret):
                    # expect: read tickets.id @http, read tickets.secret @http, read tickets.owner_id @http, write tickets.* @http
                    Repos(session, 1).tickets.remove(secret)
                """)
            .doTest();
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.location().path().equals("shop/api.py"))
        .filteredOn(a -> a.snippet().contains("repos"))
        .isNotEmpty()
        .extracting(Access::confidence)
        .doesNotContain(Confidence.CERTAIN);
  }

  @Test
  void negative_theGenericClassAloneAndOtherClassArgumentsReportNothing() {
    shop()
        .source(
            "shop/other.py",
            """
            from .repository import Repository


            class Plain:
                pass


            def unbound(session, model):
                # expect: none
                return Repository(session, "id", model).listing()


            def not_a_model(session):
                # expect: none
                return Repository(session, "id", Plain).listing()
            """)
        .doTest();
  }

  @Test
  void negative_otherTablesOfTheGenericMethodStayInTheMethod() {
    shop()
        .source(
            "shop/audited.py",
            """
            from sqlalchemy import insert

            from .models import Coupon, Ticket
            from .repository import Repository


            class AuditedRepository(Repository):
                def touch(self, value):
                    # expect: write tickets.secret
                    self.session.execute(insert(Ticket).values(secret=value))
                    return self.session.get(self.model, value)


            def touch(session, value):
                # expect: read coupons.id, read coupons.code, read coupons.remaining
                return AuditedRepository(session, "code", Coupon).touch(value)
            """)
        .doTest();
  }

  @Test
  void negative_keywordsSplattedIntoAPlainModelMethodWriteNothing() {
    ExtractorTestHelper.create()
        .source("shop/__init__.py", "")
        .source(
            "shop/models.py",
            """
            from sqlalchemy import Integer
            from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


            class Base(DeclarativeBase):
                pass


            class Coupon(Base):
                __tablename__ = "coupons"
                id: Mapped[int] = mapped_column(Integer, primary_key=True)

                def describe(self, **options):
                    return str(options)
            """)
        .source(
            "shop/use.py",
            """
            from .models import Coupon


            def show(session, key, options):
                # expect: read coupons.id
                coupon = session.get(Coupon, key)
                # expect: none
                return coupon.describe(**options)
            """)
        .doTest();
  }

  @Test
  void negative_aModelConstructorIsNotSqlButAddingTheObjectIs() {
    shop()
        .source(
            "shop/tickets.py",
            """
            from .models import Ticket


            def issue(session, owner, secret):
                # expect: none
                ticket = Ticket(owner_id=owner, secret=secret)
                # expect: write tickets.owner_id, write tickets.secret
                session.add(Ticket(owner_id=owner, secret=secret))


            def issue_all(session, data):
                # expect: write tickets.id, write tickets.secret, write tickets.owner_id
                session.add(Ticket(**data))
            """)
        .doTest();
  }
}
