package dev.blastradius.rules.locking;

import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.Migration;
import dev.blastradius.change.MigrationStatement;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.Fingerprints;
import dev.blastradius.rules.MessageTemplate;
import dev.blastradius.rules.RelatedLocation;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.rules.RuleSettings;
import dev.blastradius.schema.SqlDialect;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the locking rules share: their metadata, the one dialect they apply to (from the pack:
 * {@code postgres-locking} or {@code mysql-locking}), their placeholders, and how a finding is made
 * from the rule's message. Subclasses implement {@code ChangeRule} or {@code MigrationRule}; their
 * behaviour is documented in {@code rules/<pack>/<id>.md}.
 */
abstract class LockingRule {

  private final RuleMetadata metadata;
  private final SqlDialect dialect;
  private final Set<String> placeholders;

  LockingRule(RuleMetadata metadata, Set<String> placeholders) {
    this.metadata = metadata;
    this.dialect =
        switch (metadata.pack()) {
          case "postgres-locking" -> SqlDialect.POSTGRES;
          case "mysql-locking" -> SqlDialect.MYSQL;
          default ->
              throw new IllegalStateException(
                  metadata.id()
                      + ": a locking rule must live in postgres-locking or mysql-locking");
        };
    this.placeholders = placeholders;
  }

  /** The metadata this rule was configured from. */
  public RuleMetadata metadata() {
    return metadata;
  }

  /** The placeholders the subclass fills in its messages. */
  public Set<String> placeholders() {
    return placeholders;
  }

  /** Postgres rules run against Postgres only, MySQL rules against MySQL only. */
  public boolean appliesTo(RuleSettings settings) {
    return settings.dialect() == dialect;
  }

  /**
   * Not to SQLite migrations: SQLite has one writer at a time and no lock levels, so Postgres and
   * MySQL advice (CONCURRENTLY, NOT VALID, ALGORITHM=INSTANT) does not apply to them.
   */
  public boolean appliesTo(Migration migration) {
    return !migration.sqlite();
  }

  /** A string parameter of the rule's YAML, required. */
  String param(String name) {
    Object value = metadata.params().get(name);
    if (value == null) {
      throw new IllegalStateException(metadata.id() + ": params." + name + " is required");
    }
    return String.valueOf(value);
  }

  /** A list parameter of the rule's YAML, as strings; empty when absent. */
  List<String> listParam(String name) {
    Object value = metadata.params().get(name);
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return value == null ? List.of() : List.of(String.valueOf(value));
  }

  /** A finding at the statement that makes {@code change}. */
  Finding finding(LocatedChange change, String subject, Map<String, String> values) {
    return finding(change, subject, values, List.of());
  }

  /** A finding at the statement that makes {@code change}, with the sites that make it matter. */
  Finding finding(
      LocatedChange change,
      String subject,
      Map<String, String> values,
      List<RelatedLocation> related) {
    return new Finding(
        metadata.id(),
        metadata.severity(),
        MessageTemplate.format(metadata.message(), values),
        change.location(),
        related,
        Fingerprints.of(metadata.id(), subject, change.statement()));
  }

  /** A finding at a statement of the migration (migration rules). */
  Finding finding(MigrationStatement statement, String subject, Map<String, String> values) {
    return new Finding(
        metadata.id(),
        metadata.severity(),
        MessageTemplate.format(metadata.message(), values),
        statement.location(),
        List.of(),
        Fingerprints.of(metadata.id(), subject, statement.text()));
  }
}
