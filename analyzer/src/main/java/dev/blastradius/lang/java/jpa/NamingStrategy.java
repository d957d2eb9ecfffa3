package dev.blastradius.lang.java.jpa;

import java.util.Locale;

/**
 * How Hibernate turns entity and attribute names into table and column names. Spring Boot's default
 * ({@code CamelCaseToUnderscoresNamingStrategy}) writes {@code firstName} as {@code first_name},
 * explicit names included; Hibernate's {@code PhysicalNamingStrategyStandardImpl} keeps names as
 * written (and Postgres then folds them to lower case).
 */
public enum NamingStrategy {
  SPRING_SNAKE_CASE,
  STANDARD;

  /** The physical name of a logical (entity, attribute or explicit) name. */
  public String physical(String logical) {
    return switch (this) {
      case STANDARD -> logical;
      case SPRING_SNAKE_CASE -> snakeCase(logical);
    };
  }

  /**
   * Spring's rule: an underscore goes before an upper-case letter that sits between two lower-case
   * ones; dots become underscores; everything is lower-cased ({@code firstName} → {@code
   * first_name}, {@code URLValue} → {@code urlvalue}).
   */
  static String snakeCase(String name) {
    StringBuilder builder = new StringBuilder(name.replace('.', '_'));
    for (int i = 1; i < builder.length() - 1; i++) {
      if (Character.isLowerCase(builder.charAt(i - 1))
          && Character.isUpperCase(builder.charAt(i))
          && Character.isLowerCase(builder.charAt(i + 1))) {
        builder.insert(i++, '_');
      }
    }
    return builder.toString().toLowerCase(Locale.ROOT);
  }
}
