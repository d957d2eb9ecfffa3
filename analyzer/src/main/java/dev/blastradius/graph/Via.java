package dev.blastradius.graph;

/** How an access reaches the database. */
public enum Via {
  SQL("sql"),
  JDBC("jdbc"),
  JPA("jpa"),
  JPQL("jpql"),
  SPRING_DATA_DERIVED("spring-data-derived"),
  MYBATIS("mybatis"),
  JOOQ("jooq"),
  PRISMA("prisma"),
  SUPABASE("supabase"),
  DRIZZLE("drizzle"),
  KNEX("knex"),
  TYPEORM("typeorm"),
  DJANGO_ORM("django-orm"),
  SQLALCHEMY("sqlalchemy"),
  DBAPI("dbapi"),
  PSQL("psql"),
  PLPGSQL("plpgsql"),
  VIEW("view");

  private final String jsonName;

  Via(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in JSON and SARIF. */
  public String jsonName() {
    return jsonName;
  }
}
