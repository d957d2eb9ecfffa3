package dev.blastradius.lang.python;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Python ORM calls that create rows supply the columns they insert, so {@code not-null-vs-writers}
 * sees who inserts rows without a new required column: Django's {@code create}, {@code bulk_create}
 * and {@code get_or_create} insert every field of the model; SQLAlchemy's {@code
 * session.add(Model(…))} and {@code insert(Model).values(…)} insert the columns they set.
 */
class PythonOrmInsertsTest {

  static final String SCHEMA =
      "CREATE TABLE customers (id serial PRIMARY KEY, email text NOT NULL, phone text);";

  static final String DJANGO_MODELS =
      """
      from django.db import models


      class Customer(models.Model):
          email = models.TextField()
          PHONE_FIELD

          class Meta:
              db_table = "customers"
      """;

  static final String DJANGO_VIEWS =
      """
      from .models import Customer


      def signup(email):
          # expect: MARK
          return Customer.objects.create(email=email)


      def import_all(emails):
          # expect: MARK
          Customer.objects.bulk_create([Customer(email=e) for e in emails])


      def ensure(email):
          # expect: MARK
          return Customer.objects.get_or_create(email=email)


      def rename(key, email):
          Customer.objects.filter(id=key).update(email=email)
      """;

  @Test
  void positive_djangoCreatesOmitAColumnTheModelDoesNotMap() {
    RuleTestHelper.forRule("not-null-vs-writers")
        .applied("V1__customers.sql", SCHEMA)
        .proposed(
            "V2__require_phone.sql",
            """
            -- expect: finding not-null-vs-writers ~ "Making customers.phone NOT NULL breaks 3 writers"
            ALTER TABLE customers ALTER COLUMN phone SET NOT NULL;
            """)
        .source("shop/__init__.py", "")
        .source("shop/models.py", DJANGO_MODELS.replace("PHONE_FIELD", "pass"))
        .source("shop/views.py", DJANGO_VIEWS.replace("MARK", "related not-null-vs-writers"))
        .doTest();
  }

  @Test
  void negative_djangoCreatesSupplyEveryMappedField() {
    RuleTestHelper.forRule("not-null-vs-writers")
        .applied("V1__customers.sql", SCHEMA)
        .proposed(
            "V2__require_phone.sql",
            """
            -- expect: none
            ALTER TABLE customers ALTER COLUMN phone SET NOT NULL;
            """)
        .source("shop/__init__.py", "")
        .source(
            "shop/models.py",
            DJANGO_MODELS.replace("PHONE_FIELD", "phone = models.TextField(default=\"\")"))
        .source("shop/views.py", DJANGO_VIEWS.replace("MARK", "none"))
        .doTest();
  }

  static final String SQLALCHEMY =
      """
      from sqlalchemy import insert
      from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


      class Base(DeclarativeBase):
          pass


      class Customer(Base):
          __tablename__ = "customers"
          id: Mapped[int] = mapped_column(primary_key=True)
          email: Mapped[str]
          phone: Mapped[str]


      def signup(session, email, phone):
          # expect: MARK_A
          session.add(Customer(email=email))


      def load(session, rows):
          # expect: MARK_B
          session.execute(insert(Customer).values(email=rows[0], phone=rows[1]))
      """;

  @Test
  void positive_sqlalchemyAddOmitsTheColumnsItDoesNotSet() {
    RuleTestHelper.forRule("not-null-vs-writers")
        .applied("V1__customers.sql", SCHEMA)
        .proposed(
            "V2__require_phone.sql",
            """
            -- expect: finding not-null-vs-writers ~ "Making customers.phone NOT NULL breaks 1 writer"
            ALTER TABLE customers ALTER COLUMN phone SET NOT NULL;
            """)
        .source(
            "app/models.py",
            SQLALCHEMY.replace("MARK_A", "related not-null-vs-writers").replace("MARK_B", "none"))
        .doTest();
  }
}
