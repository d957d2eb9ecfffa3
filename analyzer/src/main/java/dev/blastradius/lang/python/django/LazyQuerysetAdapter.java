package dev.blastradius.lang.python.django;

import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.link.PySite;
import dev.blastradius.lang.python.link.StatementAdapter;
import java.util.ArrayList;
import java.util.List;

/**
 * Django querysets kept in local variables, read where they are evaluated ({@link LazyQuerysets}):
 * the chain is every call assigned to the variable in the function, then the calls at the
 * evaluating expression.
 */
public final class LazyQuerysetAdapter implements StatementAdapter {

  @Override
  public void visit(PySite site) {
    LazyQuerysets querysets = LazyQuerysets.of(site);
    for (LazyQuerysets.Evaluation evaluation : querysets.evaluations(site.statement())) {
      querysets
          .model(evaluation.variable())
          .ifPresent(
              model -> {
                List<PyExpr.Call> steps = new ArrayList<>(querysets.prefix(evaluation.variable()));
                steps.addAll(evaluation.steps());
                QueryChain.of(model, steps, site.project().models()).read(site);
              });
    }
  }
}
