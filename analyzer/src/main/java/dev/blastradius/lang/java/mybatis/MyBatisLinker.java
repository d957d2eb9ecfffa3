package dev.blastradius.lang.java.mybatis;

import dev.blastradius.graph.Confidence;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.java.StringTemplate;
import dev.blastradius.source.AnalysisProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finishes MyBatis uses once every Java file is read: annotation SQL that needed other classes'
 * constants, and provider annotations, whose SQL is the named provider method's. A provider's
 * accesses are reported at the annotation and belong to the mapper method, so whatever calls the
 * mapper method reaches them. A provider method we cannot find or read is a problem.
 */
public final class MyBatisLinker {

  private final ExtractContext context;
  private final Function<StringTemplate.Ref, Optional<StringTemplate>> constants;
  private final Map<String, StringTemplate> providers = new HashMap<>();

  /**
   * @param uses every Java file's MyBatis uses
   * @param constants the project's string constants
   */
  public MyBatisLinker(
      ExtractContext context,
      List<MyBatisUses> uses,
      Function<StringTemplate.Ref, Optional<StringTemplate>> constants) {
    this.context = context;
    this.constants = constants;
    for (MyBatisUses file : uses) {
      for (MyBatisUses.ProviderMethod method : file.providerMethods) {
        providers.putIfAbsent(method.owner() + "#" + method.name(), method.sql());
      }
    }
  }

  /** Records the finished uses of one file into its builder. */
  public void link(MyBatisUses uses, FileFacts.Builder facts) {
    for (MyBatisUses.SessionCall call : uses.sessionCalls) {
      SqlSessionCalls.call(
          facts, call.unitId(), call.location(), call.statementId().resolve(constants));
    }
    for (MyBatisUses.PendingSql pending : uses.pending) {
      AnnotationSql.record(
          site(facts, pending.unitId(), pending.location(), pending.snippet()),
          pending.sql().resolve(constants),
          pending.namespace(),
          pending.resultColumns());
    }
    for (MyBatisUses.ProviderUse use : uses.providerUses) {
      Optional<StringTemplate> sql =
          use.methods().stream()
              .map(m -> providers.get(use.providerType() + "#" + m))
              .filter(s -> s != null)
              .findFirst();
      if (sql.isEmpty()) {
        facts.problem(
            new AnalysisProblem(
                use.location().path(),
                "extract",
                "provider "
                    + use.providerType()
                    + "."
                    + String.join("/", use.methods())
                    + " not found in the scan or not a SQL string or SQL builder: its SQL is unknown",
                use.location().startLine()));
        continue;
      }
      AnnotationSql.record(
          site(facts, use.unitId(), use.location(), use.snippet()),
          sql.get().resolve(constants),
          use.namespace(),
          use.resultColumns());
    }
  }

  private MappedSql.Site site(
      FileFacts.Builder facts,
      String unitId,
      dev.blastradius.source.Location location,
      String snippet) {
    return new MappedSql.Site(facts, unitId, location, snippet, context, Confidence.CERTAIN);
  }
}
