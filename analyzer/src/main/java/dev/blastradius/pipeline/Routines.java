package dev.blastradius.pipeline;

import dev.blastradius.change.CreateFunction;
import dev.blastradius.change.CreateTrigger;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.CodeUnit;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.RoutineUnits;
import dev.blastradius.lang.UnitAccess;
import dev.blastradius.lang.sql.RoutineBodies;
import dev.blastradius.lang.sql.ScheduledSql;
import dev.blastradius.lang.sql.SqlFileFrontend;
import dev.blastradius.lang.sql.SqlFrontend;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database routines the applied migrations leave behind, each in its latest definition (a later
 * {@code CREATE OR REPLACE} supersedes an earlier one, whose accesses are not current): function
 * bodies, the triggers that run them, and pg_cron jobs. Their accesses become facts of the file
 * that defines them; who reaches them is decided in Resolve.
 */
final class Routines {

  private final Map<TableRef, LocatedChange> functions = new LinkedHashMap<>();
  private final Map<String, LocatedChange> triggers = new LinkedHashMap<>();
  private final Map<String, Job> jobs = new LinkedHashMap<>();

  /** A pg_cron job and the statement that scheduled it. */
  private record Job(ScheduledSql job, Location location) {}

  /** Notes a change of an applied migration; later definitions replace earlier ones. */
  void definedBy(LocatedChange change) {
    if (change.change() instanceof CreateFunction function) {
      functions.put(function.function(), change);
    } else if (change.change() instanceof CreateTrigger trigger) {
      triggers.put(trigger.name() + "@" + trigger.table().displayName(), change);
    }
  }

  /** Notes a pg_cron job scheduled by an applied migration's statement. */
  void scheduled(ScheduledSql job, Location location) {
    String key = job.name().isEmpty() ? job.schedule() + "\n" + job.command() : job.name();
    jobs.put(key, new Job(job, location));
  }

  /** The facts of every current routine, read against the final catalog. */
  List<FileFacts> facts(Catalog catalog, SqlFrontend sql) {
    List<FileFacts> result = new ArrayList<>();
    for (LocatedChange change : functions.values()) {
      if (catalog.hasFunction(((CreateFunction) change.change()).function())) {
        result.add(function(change, catalog, sql));
      }
    }
    for (Job job : jobs.values()) {
      result.add(job(job, catalog, sql));
    }
    return result;
  }

  private FileFacts function(LocatedChange change, Catalog catalog, SqlFrontend sql) {
    CreateFunction function = (CreateFunction) change.change();
    String path = change.location().path();
    FileFacts.Builder facts = new FileFacts.Builder(path);
    CodeUnit unit = RoutineUnits.function(function.function(), change.location());
    facts.unit(unit);
    RoutineBodies.Body body = RoutineBodies.read(sql, function, catalog);
    HostedSql.record(
        facts,
        new dev.blastradius.lang.sql.SqlAnalysis(body.statements(), catalog),
        unit.id(),
        Via.PLPGSQL,
        Confidence.CERTAIN,
        s -> SqlFileFrontend.statementLocation(path, s),
        s -> HostedSql.snippet(s.text()),
        "replay");
    body.problems()
        .forEach(p -> facts.problem(new AnalysisProblem(path, "replay", p.message(), p.line())));
    for (Catalog.Trigger trigger : catalog.triggers()) {
      if (!trigger.function().equals(function.function())) {
        continue;
      }
      LocatedChange created = triggers.get(trigger.name() + "@" + trigger.table().displayName());
      Location at = created == null ? change.location() : created.location();
      CodeUnit triggerUnit = RoutineUnits.trigger(trigger, at);
      facts.unit(triggerUnit);
      facts.call(RoutineUnits.call(triggerUnit.id(), function.function()));
      for (RoutineBodies.RowReference row : body.rows()) {
        ColumnRef column = trigger.table().column(row.column());
        Location location = Location.ofLine(path, row.line());
        facts.access(
            new UnitAccess(
                triggerUnit.id(),
                new Access(
                    column,
                    row.write() ? AccessKind.WRITE : AccessKind.READ,
                    Via.PLPGSQL,
                    Confidence.CERTAIN,
                    false,
                    location,
                    (row.write() ? "NEW." : "NEW/OLD.") + row.column(),
                    List.of())));
      }
    }
    return facts.build();
  }

  private FileFacts job(Job job, Catalog catalog, SqlFrontend sql) {
    String path = job.location().path();
    FileFacts.Builder facts = new FileFacts.Builder(path);
    String unitId = "pg_cron:" + job.job().label();
    facts.unit(new CodeUnit(unitId, "pg_cron", unitId, -1, job.location()));
    facts.entryPoint(
        unitId, new EntryPoint(EntryPointKind.CRON, job.job().label(), job.location()));
    HostedSql.record(
        facts,
        sql.analyze(job.job().command(), catalog),
        unitId,
        Via.SQL,
        Confidence.CERTAIN,
        s -> job.location(),
        s -> HostedSql.snippet(s.text()),
        "replay");
    return facts.build();
  }
}
