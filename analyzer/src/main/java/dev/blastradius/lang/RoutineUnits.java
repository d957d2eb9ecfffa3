package dev.blastradius.lang;

import dev.blastradius.graph.CallSite;
import dev.blastradius.graph.CodeUnit;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.TableRef;
import dev.blastradius.source.Location;
import java.util.Optional;

/**
 * The code units of database routines: SQL functions and procedures, triggers and pg_cron jobs.
 * They are not entry points themselves; they inherit the entry points of what calls them, and get
 * an {@code unknown} one naming the routine when nothing does.
 */
public final class RoutineUnits {

  private static final String FUNCTION = "function:";
  private static final String TRIGGER = "trigger:";

  private RoutineUnits() {}

  /** The unit of a function or procedure. */
  public static CodeUnit function(TableRef name, Location location) {
    return new CodeUnit(FUNCTION + name.displayName(), "sql", callName(name), 0, location);
  }

  /** The call of a function from a unit that runs SQL calling it. */
  public static CallSite call(String callerId, TableRef function) {
    return new CallSite(callerId, callName(function), 0, null);
  }

  /** The unit of one trigger (it calls its function; writers of its table call it). */
  public static CodeUnit trigger(Catalog.Trigger trigger, Location location) {
    return new CodeUnit(triggerId(trigger), "sql", triggerCallName(trigger), 0, location);
  }

  /** The id of a trigger's unit. */
  public static String triggerId(Catalog.Trigger trigger) {
    return TRIGGER + trigger.name() + "@" + trigger.table().displayName();
  }

  /** The call of a trigger by a unit that writes its table. */
  public static CallSite fire(String writerId, Catalog.Trigger trigger) {
    return new CallSite(writerId, triggerCallName(trigger), 0, null);
  }

  /**
   * The {@code unknown} entry point of a routine unit that nothing calls: {@code function f()} or
   * {@code trigger t on x}; empty for other units.
   */
  public static Optional<EntryPoint> unknownEntryPoint(CodeUnit unit) {
    if (unit.id().startsWith(FUNCTION)) {
      return Optional.of(
          new EntryPoint(
              EntryPointKind.UNKNOWN,
              "function " + unit.id().substring(FUNCTION.length()) + "()",
              unit.location()));
    }
    if (unit.id().startsWith(TRIGGER)) {
      String rest = unit.id().substring(TRIGGER.length());
      int at = rest.lastIndexOf('@');
      return Optional.of(
          new EntryPoint(
              EntryPointKind.UNKNOWN,
              "trigger " + rest.substring(0, at) + " on " + rest.substring(at + 1),
              unit.location()));
    }
    return Optional.empty();
  }

  private static String callName(TableRef function) {
    return "sql-function " + function.displayName();
  }

  private static String triggerCallName(Catalog.Trigger trigger) {
    return "sql-trigger " + trigger.name() + "@" + trigger.table().displayName();
  }
}
