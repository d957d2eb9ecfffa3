package dev.blastradius.rules.locking;

import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.RenameColumn;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@link ChangeRule}; see {@code rules/mysql-locking/mysql-rename-column-unsupported.md}. {@code
 * ALTER TABLE … RENAME COLUMN} arrived in MySQL 8.0; older servers only know {@code CHANGE old new
 * definition}, which the reader also turns into a rename, so the statement text tells them apart.
 */
public final class MysqlRenameColumn extends LockingRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("column", "newName", "version");

  private static final Pattern RENAME_COLUMN = Pattern.compile("(?is).*\\brename\\s+column\\b.*");

  public MysqlRenameColumn(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return RenameColumn.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    RenameColumn rename = (RenameColumn) change.change();
    if (context.settings().mysqlAtLeast(8, 0, 0)
        || !RENAME_COLUMN.matcher(change.statement()).matches()) {
      return List.of();
    }
    return List.of(
        finding(
            change,
            rename.oldColumn().displayName(),
            Map.of(
                "column", rename.oldColumn().displayName(),
                "newName", rename.to(),
                "version", context.settings().mysqlVersion())));
  }
}
