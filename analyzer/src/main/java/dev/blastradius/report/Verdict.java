package dev.blastradius.report;

import dev.blastradius.change.DropColumn;
import dev.blastradius.change.DropTable;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.Migration;
import dev.blastradius.change.RenameColumn;
import dev.blastradius.change.RenameTable;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.graph.Access;
import dev.blastradius.graph.BlastRadius;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.Level;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one-line answer the human reports (HTML, markdown) open with. For {@code check}: "ready to
 * contract?" when a change removes or renames something, "safe to apply?" otherwise — no while an
 * error finding remains, "not sure" while any input was not analysed (a missed reader would make no
 * findings look safe), yes otherwise. For {@code scan} and {@code who}: an inventory headline. A
 * {@code check} whose change removes or renames what a runbook or doc still uses says so
 * ("mentioned in runbooks"): docs never block the contract, but they go stale.
 *
 * @param answer the answer, also used as a CSS class and in markdown
 * @param headline a short sentence, e.g. "Not ready to contract"
 * @param reason why, with counts
 */
public record Verdict(Answer answer, String headline, String reason) {

  /** The possible answers; {@link #INVENTORY} is for commands that judge nothing. */
  public enum Answer {
    YES,
    NO,
    NOT_SURE,
    INVENTORY;

    /** {@code yes}, {@code no}, {@code not-sure}, {@code inventory}. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** The verdict for what {@code model} shows. */
  public static Verdict of(ReportModel model) {
    if (model.checked()) {
      return check(model);
    }
    if (model.column().isPresent()) {
      return who(model, model.column().get());
    }
    return scan(model);
  }

  private static Verdict check(ReportModel model) {
    Verdict verdict = checkFindings(model);
    String runbooks = runbooks(model);
    return runbooks.isEmpty()
        ? verdict
        : new Verdict(verdict.answer(), verdict.headline(), verdict.reason() + " " + runbooks);
  }

  /** The most doc sites a verdict names before it says how many more there are. */
  private static final int RUNBOOK_SITES_SHOWN = 5;

  /**
   * "Mentioned in runbooks: …" for the doc accesses of columns and tables that the proposed
   * migrations drop or rename; "" when there are none.
   */
  private static String runbooks(ReportModel model) {
    Set<ColumnRef> columns = new HashSet<>();
    Set<TableRef> tables = new HashSet<>();
    for (Migration migration : model.result().proposed()) {
      for (LocatedChange located : migration.changes()) {
        SchemaChange change = located.change();
        if (change instanceof DropColumn drop) {
          columns.add(drop.column());
        } else if (change instanceof RenameColumn rename) {
          columns.add(rename.oldColumn());
        } else if (change instanceof DropTable || change instanceof RenameTable) {
          tables.add(change.table());
        }
      }
    }
    List<String> sites =
        model.result().graph().accesses().stream()
            .filter(a -> columns.contains(a.column()) || tables.contains(a.column().tableRef()))
            .filter(a -> a.entryPoints().stream().anyMatch(e -> e.kind() == EntryPointKind.DOC))
            .map(a -> a.location().path() + ":" + a.location().startLine())
            .distinct()
            .sorted()
            .toList();
    if (sites.isEmpty()) {
      return "";
    }
    String shown = String.join(", ", sites.subList(0, Math.min(RUNBOOK_SITES_SHOWN, sites.size())));
    String more =
        sites.size() > RUNBOOK_SITES_SHOWN
            ? " and " + (sites.size() - RUNBOOK_SITES_SHOWN) + " more"
            : "";
    return "Mentioned in runbooks: "
        + shown
        + more
        + " (docs do not count in the blast radius; update them with the change).";
  }

  private static Verdict checkFindings(ReportModel model) {
    List<Finding> findings = model.result().findings();
    int problems = model.result().problems().size();
    long errors = findings.stream().filter(f -> f.level() == Level.ERROR).count();
    long others = findings.size() - errors;
    String unanalysed = plural(problems, "input") + " not analysed";
    if (errors > 0) {
      String reason = plural((int) errors, "error") + " must be fixed first: " + why(model) + ".";
      if (problems > 0) {
        reason += " Also " + unanalysed + ", so there may be more.";
      }
      return new Verdict(
          Answer.NO,
          contracts(model.result().proposed()) ? "Not ready to contract" : "Not safe to apply",
          reason);
    }
    String review =
        others > 0 ? " " + plural((int) others, "finding") + " below error level to review." : "";
    if (problems > 0) {
      return new Verdict(
          Answer.NOT_SURE,
          "Not sure: " + unanalysed,
          "No error findings, but "
              + unanalysed
              + " could not be read, so readers or writers may be missing."
              + review);
    }
    return new Verdict(
        Answer.YES,
        contracts(model.result().proposed()) ? "Ready to contract" : "Safe to apply",
        "No error findings and every input was analysed: "
            + nothingFound(model.result().proposed())
            + review);
  }

  /**
   * True when a proposed change removes or renames a column or table: the contract step, which
   * breaks whatever still uses the old name. Adding columns, constraints or indexes, changing types
   * or nullability are expand or migrate steps, judged as "safe to apply".
   */
  static boolean contracts(List<Migration> proposed) {
    return proposed.stream()
        .flatMap(m -> m.changes().stream())
        .map(LocatedChange::change)
        .anyMatch(
            c ->
                c instanceof DropColumn
                    || c instanceof RenameColumn
                    || c instanceof DropTable
                    || c instanceof RenameTable);
  }

  /** What "no findings" means for these changes, as a clause ending in a full stop. */
  public static String nothingFound(List<Migration> proposed) {
    return contracts(proposed)
        ? "no code in the scan reads or writes what these changes remove or rename."
        : "no rule found code in the scan, or a lock, that these changes would break.";
  }

  /** What the error findings say about the change, by the packs of their rules. */
  private static String why(ReportModel model) {
    Set<String> errorRules =
        model.result().findings().stream()
            .filter(f -> f.level() == Level.ERROR)
            .map(Finding::ruleId)
            .collect(Collectors.toSet());
    Set<String> packs =
        model.result().rules().stream()
            .filter(r -> errorRules.contains(r.id()))
            .map(RuleMetadata::pack)
            .collect(Collectors.toSet());
    boolean locking = packs.stream().anyMatch(p -> p.endsWith("-locking"));
    boolean breaking = !locking || packs.stream().anyMatch(p -> !p.endsWith("-locking"));
    String breaks = "the change breaks code that still uses what it removes or renames";
    String blocks = "the migration blocks reads or writes of live tables, or fails to run";
    if (breaking && locking) {
      return breaks + ", and its statements block reads or writes of live tables, or fail to run";
    }
    return locking ? blocks : breaks;
  }

  private static Verdict who(ReportModel model, ColumnRef column) {
    List<Access> accesses = model.accesses();
    BlastRadius radius = model.result().graph().blastRadius(column);
    String headline =
        column.displayName()
            + ": "
            + plural(accesses.size(), "access", "accesses")
            + ", blast radius "
            + plural(radius.entryPoints(), "entry point");
    String reason =
        accesses.isEmpty()
            ? "No code in the scan reads or writes this column."
            : "Live code in " + plural(radius.files(), "file") + " reads or writes it.";
    return new Verdict(Answer.INVENTORY, headline, reason + problemsNote(model));
  }

  private static Verdict scan(ReportModel model) {
    List<Access> accesses = model.accesses();
    long entryPoints =
        accesses.stream()
            .flatMap(a -> a.entryPoints().stream())
            .filter(e -> e.kind().countsTowardsBlastRadius())
            .map(EntryPoint::label)
            .distinct()
            .count();
    String headline =
        plural(model.columns().size(), "column")
            + ", "
            + plural(accesses.size(), "access", "accesses")
            + " in "
            + plural(model.result().graph().fileCount(), "file");
    String reason = "Reached from " + plural((int) entryPoints, "live entry point") + ".";
    return new Verdict(Answer.INVENTORY, headline, reason + problemsNote(model));
  }

  private static String problemsNote(ReportModel model) {
    int problems = model.result().problems().size();
    return problems == 0
        ? ""
        : " " + plural(problems, "input") + " not analysed: the inventory may be incomplete.";
  }

  /** {@code 1 error}, {@code 2 errors}. */
  public static String plural(int n, String singular) {
    return plural(n, singular, singular.endsWith("s") ? singular + "es" : singular + "s");
  }

  /** {@code 1 access}, {@code 2 accesses}. */
  public static String plural(int n, String singular, String pluralForm) {
    return n + " " + (n == 1 ? singular : pluralForm);
  }
}
