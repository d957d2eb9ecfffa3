package dev.blastradius.lang.java.mybatis;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.java.AccessAdapter;
import dev.blastradius.lang.java.JavaSite;
import dev.blastradius.lang.java.StringTemplate;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Location;
import java.util.Optional;
import java.util.Set;

/**
 * Statements run through a {@code SqlSession} by id: {@code session.selectOne("com.acme.UserMapper
 * .findEmail", id)} calls that statement's unit. An id we cannot fold means we do not know which
 * statement runs, which is a problem: the caller's entry points may be missing from its accesses.
 */
public final class SqlSessionCalls implements AccessAdapter {

  private static final Set<String> SESSION_TYPES =
      Set.of("SqlSession", "SqlSessionTemplate", "SqlSessionManager");

  /** {@code SqlSessionDaoSupport} hands out its session through this method. */
  private static final String SESSION_GETTER = "getSqlSession";

  private static final Set<String> METHODS =
      Set.of(
          "selectOne",
          "selectList",
          "selectMap",
          "selectCursor",
          "select",
          "insert",
          "update",
          "delete");

  @Override
  public void visit(MethodCallExpr call, JavaSite site) {
    if (!METHODS.contains(call.getNameAsString())
        || call.getArguments().isEmpty()
        || !sessionReceiver(call, site)) {
      return;
    }
    Expression id = call.getArgument(0);
    Optional<StringTemplate> value = site.strings().evaluate(id);
    StringTemplate statement = value.orElse(StringTemplate.dynamic());
    if (statement.hasRefs()) {
      site.model()
          .mybatis
          .sessionCalls
          .add(new MyBatisUses.SessionCall(site.unitId(), site.location(call), statement));
      return;
    }
    call(site.facts(), site.unitId(), site.location(call), statement);
  }

  /** The call of the statement {@code id} names, or a problem when it is not known. */
  static void call(FileFacts.Builder facts, String unitId, Location location, StringTemplate id) {
    if (id.complete()) {
      facts.call(MapperUnits.call(unitId, id.text().strip()));
      return;
    }
    facts.problem(
        new AnalysisProblem(
            location.path(),
            "extract",
            "SqlSession call with a statement id we could not evaluate ("
                + id.text()
                + "): the statement it runs is unknown",
            location.startLine()));
  }

  private static boolean sessionReceiver(MethodCallExpr call, JavaSite site) {
    if (call.getScope().isPresent()
        && call.getScope().get() instanceof MethodCallExpr getter
        && getter.getNameAsString().equals(SESSION_GETTER)
        && getter.getArguments().isEmpty()) {
      return true;
    }
    return call.getScope().isPresent()
        && site.names().receiverType(call.getScope()).map(SESSION_TYPES::contains).orElse(false);
  }
}
