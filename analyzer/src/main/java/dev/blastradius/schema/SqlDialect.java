package dev.blastradius.schema;

import java.util.Locale;

/** The database a repository targets; decides identifier folding and the parser's dialect. */
public enum SqlDialect {
  POSTGRES("postgres"),
  MYSQL("mysql");

  private final String cliName;

  SqlDialect(String cliName) {
    this.cliName = cliName;
  }

  /** The name used by {@code --dialect} and {@code blastradius.yaml}. */
  public String cliName() {
    return cliName;
  }

  /** Parses a CLI/config name; throws {@link IllegalArgumentException} naming the valid values. */
  public static SqlDialect fromName(String name) {
    for (SqlDialect dialect : values()) {
      if (dialect.cliName.equals(name.toLowerCase(Locale.ROOT))) {
        return dialect;
      }
    }
    throw new IllegalArgumentException(
        "unknown dialect '" + name + "' (expected postgres or mysql)");
  }
}
