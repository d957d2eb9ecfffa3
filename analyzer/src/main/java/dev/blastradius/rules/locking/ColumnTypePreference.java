package dev.blastradius.rules.locking;

import dev.blastradius.change.AddColumn;
import dev.blastradius.change.AlterColumnType;
import dev.blastradius.change.CreateTable;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@link ChangeRule}; see {@code rules/postgres-locking/prefer-bigint.md} and its siblings. Looks
 * at the types of columns created by CREATE TABLE, ADD COLUMN and ALTER COLUMN TYPE. Parameterised
 * by {@code types}: regular expressions over the canonical type ({@code varchar\(\d+\)}).
 */
public final class ColumnTypePreference extends LockingRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("column", "type");

  private final List<Pattern> types;

  public ColumnTypePreference(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
    this.types = listParam("types").stream().map(Pattern::compile).toList();
    if (types.isEmpty()) {
      throw new IllegalStateException(metadata.id() + ": params.types must not be empty");
    }
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return SchemaChange.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<ColumnRef, String> column : typed(change.change()).entrySet()) {
      String type = column.getValue();
      if (types.stream().anyMatch(p -> p.matcher(PostgresTypes.canonical(type)).matches())) {
        String name = column.getKey().displayName();
        findings.add(finding(change, name, Map.of("column", name, "type", type)));
      }
    }
    return findings;
  }

  /** The columns the change gives a type, in declaration order. */
  private static Map<ColumnRef, String> typed(SchemaChange change) {
    Map<ColumnRef, String> typed = new java.util.LinkedHashMap<>();
    if (change instanceof CreateTable create) {
      for (Catalog.Column column : create.definitions()) {
        typed.put(create.table().column(column.name()), column.type());
      }
    } else if (change instanceof AddColumn add) {
      typed.put(add.column(), add.definition().type());
    } else if (change instanceof AlterColumnType alter) {
      typed.put(alter.table().column(alter.column()), alter.newType());
    }
    typed.values().removeIf(String::isBlank);
    return typed;
  }
}
