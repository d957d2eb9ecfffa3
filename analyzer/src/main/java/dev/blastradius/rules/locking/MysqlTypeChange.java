package dev.blastradius.rules.locking;

import dev.blastradius.change.AlterColumnType;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MigrationSession;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.Catalog;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link ChangeRule}; see {@code rules/mysql-locking/mysql-type-change-copies-table.md}. InnoDB
 * changes a column's data type with ALGORITHM=COPY, except for a longer VARCHAR that keeps the same
 * number of length bytes (in place) and ENUM/SET members added at the end (instant). Lengths are
 * counted as utf8mb4, 4 bytes a character, MySQL 8's default. Columns whose old type the catalog
 * does not know are skipped: MODIFY restates the whole definition, so the reader cannot tell a type
 * change from a comment change without it.
 */
public final class MysqlTypeChange extends LockingRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("column", "table", "from", "to");

  private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");
  private static final Pattern MEMBERS = Pattern.compile("(enum|set)\\((.*)\\)");
  private static final int BYTES_PER_CHAR = 4;

  public MysqlTypeChange(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return AlterColumnType.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    AlterColumnType type = (AlterColumnType) change.change();
    MigrationSession session = context.session();
    int index = session.indexOf(change);
    if (session.createdBefore(type.table(), index)) {
      return List.of();
    }
    Catalog catalog = session.catalogBefore(index);
    Optional<String> from = PostgresLocks.oldType(type, catalog);
    if (from.isEmpty() || withoutCopy(normal(from.get()), normal(type.newType()))) {
      return List.of();
    }
    String column = type.table().column(type.column()).displayName();
    return List.of(
        finding(
            change,
            column,
            Map.of(
                "column", column,
                "table", type.table().displayName(),
                "from", from.get(),
                "to", type.newType())));
  }

  private static String normal(String type) {
    return type.toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", "")
        .replace("charactervarying", "varchar");
  }

  /** True when InnoDB changes the type in place or instantly. */
  private static boolean withoutCopy(String from, String to) {
    if (from.equals(to)) {
      return true;
    }
    Matcher a = VARCHAR.matcher(from);
    Matcher b = VARCHAR.matcher(to);
    if (a.matches() && b.matches()) {
      int before = Integer.parseInt(a.group(1)) * BYTES_PER_CHAR;
      int after = Integer.parseInt(b.group(1)) * BYTES_PER_CHAR;
      return after >= before && (before > 255) == (after > 255);
    }
    Matcher oldMembers = MEMBERS.matcher(from);
    Matcher newMembers = MEMBERS.matcher(to);
    return oldMembers.matches()
        && newMembers.matches()
        && oldMembers.group(1).equals(newMembers.group(1))
        && newMembers.group(2).startsWith(oldMembers.group(2) + ",");
  }
}
