package dev.blastradius.rules;

import dev.blastradius.rules.expandcontract.BackfillShape;
import dev.blastradius.rules.expandcontract.ColumnChangeVsPositionalSql;
import dev.blastradius.rules.expandcontract.ColumnStillReferenced;
import dev.blastradius.rules.expandcontract.ConstraintBeforeBackfill;
import dev.blastradius.rules.expandcontract.ContractWithLiveDependents;
import dev.blastradius.rules.expandcontract.DualWriteGap;
import dev.blastradius.rules.expandcontract.NotNullVsWriters;
import dev.blastradius.rules.expandcontract.TableStillReferenced;
import dev.blastradius.rules.expandcontract.TypeChangeVsAccesses;
import dev.blastradius.rules.expandcontract.UnusedIgnore;
import dev.blastradius.rules.locking.AddColumnRewrite;
import dev.blastradius.rules.locking.AddConstraintLock;
import dev.blastradius.rules.locking.AttachPartitionScan;
import dev.blastradius.rules.locking.ColumnTypePreference;
import dev.blastradius.rules.locking.ColumnTypeRewrite;
import dev.blastradius.rules.locking.ConcurrentlyRestriction;
import dev.blastradius.rules.locking.DataChangeUnderLock;
import dev.blastradius.rules.locking.DestructiveChange;
import dev.blastradius.rules.locking.EnumValueInTransaction;
import dev.blastradius.rules.locking.MissingTimeout;
import dev.blastradius.rules.locking.MysqlAddColumn;
import dev.blastradius.rules.locking.MysqlExplicitOption;
import dev.blastradius.rules.locking.MysqlForeignKeyChecks;
import dev.blastradius.rules.locking.MysqlIndexBuild;
import dev.blastradius.rules.locking.MysqlRenameColumn;
import dev.blastradius.rules.locking.MysqlTypeChange;
import dev.blastradius.rules.locking.NonConcurrentOperation;
import dev.blastradius.rules.locking.SetNotNullScan;
import dev.blastradius.rules.locking.TableOperationLock;
import dev.blastradius.rules.locking.TransactionPairing;
import dev.blastradius.rules.locking.TriggerOnHotTable;
import dev.blastradius.rules.locking.ValidateInSameTransaction;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one explicit list of rule implementations, by the {@code impl} name rule YAML files use.
 * Several rules may share one parameterised implementation.
 */
public final class RuleImplementations {

  private static final Map<String, Function<RuleMetadata, Rule>> FACTORIES =
      Map.ofEntries(
          Map.entry("ColumnStillReferenced", ColumnStillReferenced::new),
          Map.entry("UnusedIgnore", UnusedIgnore::new),
          Map.entry("TableStillReferenced", TableStillReferenced::new),
          Map.entry("NotNullVsWriters", NotNullVsWriters::new),
          Map.entry("TypeChangeVsAccesses", TypeChangeVsAccesses::new),
          Map.entry("ContractWithLiveDependents", ContractWithLiveDependents::new),
          Map.entry("ColumnChangeVsPositionalSql", ColumnChangeVsPositionalSql::new),
          Map.entry("BackfillShape", BackfillShape::new),
          Map.entry("ConstraintBeforeBackfill", ConstraintBeforeBackfill::new),
          Map.entry("DualWriteGap", DualWriteGap::new),
          Map.entry("AddColumnRewrite", AddColumnRewrite::new),
          Map.entry("AddConstraintLock", AddConstraintLock::new),
          Map.entry("AttachPartitionScan", AttachPartitionScan::new),
          Map.entry("ColumnTypePreference", ColumnTypePreference::new),
          Map.entry("ColumnTypeRewrite", ColumnTypeRewrite::new),
          Map.entry("ConcurrentlyRestriction", ConcurrentlyRestriction::new),
          Map.entry("DataChangeUnderLock", DataChangeUnderLock::new),
          Map.entry("DestructiveChange", DestructiveChange::new),
          Map.entry("EnumValueInTransaction", EnumValueInTransaction::new),
          Map.entry("MissingTimeout", MissingTimeout::new),
          Map.entry("MysqlAddColumn", MysqlAddColumn::new),
          Map.entry("MysqlExplicitOption", MysqlExplicitOption::new),
          Map.entry("MysqlForeignKeyChecks", MysqlForeignKeyChecks::new),
          Map.entry("MysqlIndexBuild", MysqlIndexBuild::new),
          Map.entry("MysqlRenameColumn", MysqlRenameColumn::new),
          Map.entry("MysqlTypeChange", MysqlTypeChange::new),
          Map.entry("NonConcurrentOperation", NonConcurrentOperation::new),
          Map.entry("SetNotNullScan", SetNotNullScan::new),
          Map.entry("TableOperationLock", TableOperationLock::new),
          Map.entry("TransactionPairing", TransactionPairing::new),
          Map.entry("TriggerOnHotTable", TriggerOnHotTable::new),
          Map.entry("ValidateInSameTransaction", ValidateInSameTransaction::new));

  private RuleImplementations() {}

  /** A rule instance for {@code metadata}, or empty when its {@code impl} is unknown. */
  public static Optional<Rule> create(RuleMetadata metadata) {
    return Optional.ofNullable(FACTORIES.get(metadata.impl())).map(f -> f.apply(metadata));
  }

  /** Every known implementation name. */
  public static Set<String> names() {
    return FACTORIES.keySet();
  }
}
