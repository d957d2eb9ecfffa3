package dev.blastradius.rules;

import dev.blastradius.change.CreateTable;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.Migration;
import dev.blastradius.change.MigrationStatement;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.change.SessionSetting;
import dev.blastradius.change.StatementKind;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the statements of one migration run on one connection: which run inside a transaction (the
 * migration tool's own, or an explicit {@code BEGIN … COMMIT}), which session settings are in force
 * when each runs ({@code SET}, {@code SET LOCAL} until the end of its transaction, {@code RESET}),
 * and the schema each statement sees. Rules whose verdict depends on transactions or settings ask
 * this instead of walking the statements themselves. Statements are numbered from 0 in file order.
 */
public final class MigrationSession {

  /** A transaction command that does not pair up. */
  public enum TransactionProblem {
    /** BEGIN while a transaction is already open (Postgres warns and ignores it). */
    NESTED_BEGIN,
    /** COMMIT or ROLLBACK of the transaction the migration tool opened, before the tool does. */
    ENDS_TOOL_TRANSACTION,
    /** COMMIT or ROLLBACK with no transaction open. */
    END_WITHOUT_BEGIN,
    /** BEGIN whose transaction is still open when the file ends: it is rolled back. */
    NEVER_COMMITTED
  }

  /** One unpaired transaction command at statement {@code index}. */
  public record Unpaired(int index, TransactionProblem problem) {}

  /** {@code ROLLBACK [WORK|TRANSACTION] TO [SAVEPOINT] x} undoes part of a transaction only. */
  private static final Pattern ROLLBACK_TO =
      Pattern.compile("(?is)^\\s*rollback\\s+(work\\s+|transaction\\s+)?to\\b.*");

  private static final int NONE = -1;
  private static final int TOOL = 0;

  private final RuleContext context;
  private final boolean toolTransaction;
  private final int[] transactions;
  private final List<Map<String, String>> settings = new ArrayList<>();
  private final List<Unpaired> unpaired = new ArrayList<>();

  private MigrationSession(RuleContext context) {
    this.context = context;
    this.toolTransaction = ToolTransactions.wrapsInTransaction(context);
    List<MigrationStatement> statements = context.migration().statements();
    this.transactions = new int[statements.size()];
    walk(statements);
  }

  /** The session of {@code context}'s migration. */
  public static MigrationSession of(RuleContext context) {
    return new MigrationSession(context);
  }

  private void walk(List<MigrationStatement> statements) {
    int current = toolTransaction ? TOOL : NONE;
    int next = TOOL + 1;
    int openedAt = NONE;
    Map<String, String> session = new HashMap<>();
    Map<String, String> local = new HashMap<>();
    Map<String, String> atBegin = Map.of();
    for (int i = 0; i < statements.size(); i++) {
      MigrationStatement statement = statements.get(i);
      String command = statement.transactionCommand().orElse("");
      if (statement.kind() == StatementKind.TRANSACTION
          && command.equals("ROLLBACK")
          && ROLLBACK_TO.matcher(statement.text()).matches()) {
        command = "SAVEPOINT";
      }
      if (command.equals("BEGIN")) {
        if (current != NONE) {
          unpaired.add(new Unpaired(i, TransactionProblem.NESTED_BEGIN));
        } else {
          current = next++;
          openedAt = i;
          atBegin = Map.copyOf(session);
        }
      }
      transactions[i] = current;
      Map<String, String> inForce = new HashMap<>(session);
      inForce.putAll(local);
      settings.add(Map.copyOf(inForce));
      if (command.equals("COMMIT") || command.equals("ROLLBACK") || command.equals("ABORT")) {
        if (current == NONE) {
          unpaired.add(new Unpaired(i, TransactionProblem.END_WITHOUT_BEGIN));
        } else {
          if (current == TOOL) {
            unpaired.add(new Unpaired(i, TransactionProblem.ENDS_TOOL_TRANSACTION));
          }
          if (!command.equals("COMMIT") && current != TOOL) {
            session.clear();
            session.putAll(atBegin);
          }
          local.clear();
          current = NONE;
          openedAt = NONE;
        }
      }
      int transaction = current;
      statement.setting().ifPresent(s -> apply(s, session, local, transaction));
    }
    if (current != NONE && current != TOOL) {
      unpaired.add(new Unpaired(openedAt, TransactionProblem.NEVER_COMMITTED));
    }
  }

  /**
   * Applies SET/RESET: a session setting lasts until changed; Postgres' {@code SET LOCAL} lasts
   * until its transaction ends and does nothing outside one. In MySQL {@code LOCAL} means session.
   */
  private void apply(
      SessionSetting setting,
      Map<String, String> session,
      Map<String, String> local,
      int transaction) {
    String name = setting.name();
    String value = setting.value().strip();
    boolean reset = value.isEmpty() || value.equalsIgnoreCase("default");
    if (name.equals("all") && value.isEmpty()) {
      session.clear();
      local.clear();
      return;
    }
    boolean isLocal = setting.local() && context.settings().dialect() == SqlDialect.POSTGRES;
    if (isLocal) {
      if (transaction == NONE) {
        return;
      }
      if (reset) {
        local.remove(name);
      } else {
        local.put(name, value);
      }
      return;
    }
    local.remove(name);
    if (reset) {
      session.remove(name);
    } else {
      session.put(name, value);
    }
  }

  /** Whether the migration tool wraps the whole file in a transaction of its own. */
  public boolean toolTransaction() {
    return toolTransaction;
  }

  /** The index of the statement that makes {@code change}, or -1 when it is not in this file. */
  public int indexOf(LocatedChange change) {
    List<MigrationStatement> statements = context.migration().statements();
    for (int i = 0; i < statements.size(); i++) {
      MigrationStatement s = statements.get(i);
      if (s.location().equals(change.location()) && s.changes().contains(change.change())) {
        return i;
      }
    }
    return NONE;
  }

  /** True when statement {@code index} runs inside a transaction block. */
  public boolean inTransaction(int index) {
    return transactions[index] != NONE;
  }

  /**
   * The transaction statement {@code index} runs in: 0 for the tool's, 1, 2, … for explicit ones,
   * -1 outside any.
   */
  public int transaction(int index) {
    return transactions[index];
  }

  /** True when both statements run in the same transaction block. */
  public boolean sameTransaction(int first, int second) {
    return transactions[first] != NONE && transactions[first] == transactions[second];
  }

  /**
   * The value of a setting in force when statement {@code index} runs, as written and without
   * quotes; empty when the migration did not set it (the server's default applies then).
   */
  public Optional<String> setting(int index, String name) {
    return Optional.ofNullable(settings.get(index).get(name.toLowerCase(Locale.ROOT)));
  }

  /** BEGIN/COMMIT/ROLLBACK statements that do not pair up, in file order. */
  public List<Unpaired> unpaired() {
    return unpaired.stream().sorted(Comparator.comparingInt(Unpaired::index)).toList();
  }

  /**
   * True when {@code table} is created by this proposal before statement {@code index}: by an
   * earlier statement of this file or by an earlier proposed migration. Such a table has no rows
   * and no traffic yet, so locking it harms nobody.
   */
  public boolean createdBefore(TableRef table, int index) {
    for (Migration earlier : context.earlierProposed()) {
      if (earlier.changes().stream().anyMatch(c -> creates(c.change(), table))) {
        return true;
      }
    }
    List<MigrationStatement> statements = context.migration().statements();
    for (int i = 0; i < index && i < statements.size(); i++) {
      if (statements.get(i).changes().stream().anyMatch(c -> creates(c, table))) {
        return true;
      }
    }
    return false;
  }

  private static boolean creates(SchemaChange change, TableRef table) {
    return change instanceof CreateTable create && create.table().equals(table);
  }

  /** The schema as statement {@code index} sees it: the schema before, plus earlier statements. */
  public Catalog catalogBefore(int index) {
    Catalog.Builder builder = context.catalogBefore().toBuilder();
    List<MigrationStatement> statements = context.migration().statements();
    for (int i = 0; i < index && i < statements.size(); i++) {
      statements.get(i).changes().forEach(c -> c.applyTo(builder));
    }
    return builder.build();
  }
}
