package dev.blastradius.lang.python;

import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/**
 * SQLAlchemy event listeners whose target parameter has no annotation, and SQLModel table classes.
 */
class SqlAlchemyEventsTest {

  static final String MODELS =
      """
      from sqlalchemy import String
      from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


      class Base(DeclarativeBase):
          pass


      class Article(Base):
          __tablename__ = "articles"
          id: Mapped[int] = mapped_column(primary_key=True)
          title: Mapped[str] = mapped_column(String(200))
          slug: Mapped[str] = mapped_column(String(200))
      """;

  @Test
  void positive_listenersWriteAndReadTheirTarget() {
    ExtractorTestHelper.create()
        .source("blog/__init__.py", "")
        .source("blog/models.py", MODELS)
        .source(
            "blog/events.py",
            """
            from sqlalchemy import event

            from .models import Article


            @event.listens_for(Article, "before_insert")
            def slugify(mapper, connection, target):
                # expect: write articles.slug @listener, read articles.title @listener
                target.slug = target.title.lower()


            @event.listens_for(Article.title, "set")
            def retitle(target, value, oldvalue, initiator):
                # expect: write articles.slug @listener
                target.slug = value.lower()


            def audit(mapper, connection, target):
                # expect: read articles.id @listener
                print(target.id)


            event.listen(Article, "after_update", audit)
            """)
        .doTest();
  }

  @Test
  void negative_otherParametersAndUnregisteredFunctionsAreNotTargets() {
    ExtractorTestHelper.create()
        .source("blog/__init__.py", "")
        .source("blog/models.py", MODELS)
        .source(
            "blog/events.py",
            """
            from sqlalchemy import event

            from .models import Article


            @event.listens_for(Article, "before_insert")
            def check(mapper, connection, target):
                # expect: none
                mapper.slug = connection.title


            def helper(mapper, connection, target):
                # expect: none
                target.slug = target.title
            """)
        .doTest();
  }

  @Test
  void positive_sqlModelTablesMapTheirFields() {
    ExtractorTestHelper.create()
        .source("app/__init__.py", "")
        .source(
            "app/models.py",
            """
            from typing import ClassVar, Optional

            from sqlalchemy import Column, String
            from sqlmodel import Field, Relationship, SQLModel


            class TeamBase(SQLModel):
                name: str


            class Team(TeamBase, table=True):
                id: Optional[int] = Field(default=None, primary_key=True)
                heroes: list["Hero"] = Relationship(back_populates="team")


            class Hero(SQLModel, table=True):
                __tablename__ = "heroes"
                id: int | None = Field(default=None, primary_key=True)
                nickname: str = Field(sa_column=Column("hero_name", String))
                age: int | None = None
                team_id: int | None = Field(default=None, foreign_key="team.id")
                team: Team | None = Relationship(back_populates="heroes")
                kind: ClassVar[str] = "hero"
                _cache: dict = {}


            class HeroRead(SQLModel):
                nickname: str
            """)
        .source(
            "app/queries.py",
            """
            from sqlmodel import Session, select

            from .models import Hero, HeroRead, Team


            def heroes(session: Session):
                # expect: read heroes.id, read heroes.hero_name, read heroes.age, read heroes.team_id
                return session.exec(select(Hero)).all()


            def team_names(session: Session):
                # expect: read team.name, read team.id
                return session.exec(select(Team.name).where(Team.id > 3)).all()


            def recruit(session: Session, name):
                # expect: write heroes.hero_name, write heroes.age
                session.add(Hero(nickname=name, age=30))


            def read_model(data):
                # expect: none
                return HeroRead(nickname=data)
            """)
        .doTest();
  }
}
