package dev.blastradius.rules.locking;

import dev.blastradius.change.MigrationStatement;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MigrationRule;
import dev.blastradius.rules.MigrationSession;
import dev.blastradius.rules.MigrationSession.TransactionProblem;
import dev.blastradius.rules.MigrationSession.Unpaired;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@link MigrationRule}; see {@code rules/postgres-locking/transaction-nesting.md} and {@code
 * uncommitted-transaction.md}. Parameterised by {@code problems}: the {@link TransactionProblem}s
 * (lower case, dashes) this rule reports.
 */
public final class TransactionPairing extends LockingRule implements MigrationRule {

  private static final Set<String> PLACEHOLDERS = Set.of("command", "why");

  private final Set<TransactionProblem> problems;

  public TransactionPairing(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
    this.problems =
        Set.copyOf(
            listParam("problems").stream()
                .map(p -> TransactionProblem.valueOf(p.toUpperCase(Locale.ROOT).replace('-', '_')))
                .toList());
    if (problems.isEmpty()) {
      throw new IllegalStateException(metadata.id() + ": params.problems must not be empty");
    }
  }

  @Override
  public List<Finding> check(RuleContext context) {
    MigrationSession session = context.session();
    List<MigrationStatement> statements = context.migration().statements();
    List<Finding> findings = new ArrayList<>();
    for (Unpaired unpaired : session.unpaired()) {
      if (!problems.contains(unpaired.problem())) {
        continue;
      }
      MigrationStatement statement = statements.get(unpaired.index());
      String command = statement.transactionCommand().orElse("BEGIN");
      findings.add(
          finding(
              statement,
              command + "@" + unpaired.problem(),
              Map.of("command", command, "why", why(unpaired.problem(), context))));
    }
    return findings;
  }

  private static String why(TransactionProblem problem, RuleContext context) {
    String tool =
        context.settings().assumeInTransaction().isPresent()
            ? "the migration tool (--assume-in-transaction)"
            : context.migration().tool();
    return switch (problem) {
      case NESTED_BEGIN ->
          "a transaction is already open ("
              + tool
              + " opened it), so Postgres"
              + " only warns and the matching COMMIT ends the outer transaction early";
      case ENDS_TOOL_TRANSACTION ->
          "it ends the transaction "
              + tool
              + " opened, so the"
              + " statements after it run without one and the tool's own COMMIT finds nothing to commit";
      case END_WITHOUT_BEGIN -> "no transaction is open, so it does nothing";
      case NEVER_COMMITTED ->
          "its transaction is still open when the file ends, so everything"
              + " after it is rolled back when the connection closes";
    };
  }
}
