package dev.blastradius.lang.ts.typeorm;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.UnitAccess;
import dev.blastradius.lang.ts.JsValue;
import dev.blastradius.lang.ts.PendingUse;
import dev.blastradius.lang.ts.TsProject;
import dev.blastradius.source.Location;
import java.util.List;
import java.util.Optional;

/**
 * A TypeORM call kept until the entities it names are known: a repository or manager method ({@code
 * find}, {@code save}, …) or a query-builder chain, as its steps.
 *
 * @param repository the local name of the entity whose repository receives the call, or null
 * @param builder whether the steps start at {@code createQueryBuilder}
 * @param saved what the calling function did with a variable passed to {@code save}, or null
 */
record TypeOrmCall(
    String unitId,
    Location location,
    String snippet,
    String repository,
    boolean builder,
    List<Step> steps,
    Saved saved)
    implements PendingUse {

  /** One link of the chain: its name and its arguments' values. */
  record Step(String name, List<JsValue> args) {
    Step {
      args = List.copyOf(args);
    }

    JsValue arg(int index) {
      return index < args.size() ? args.get(index) : null;
    }
  }

  /**
   * A variable passed to {@code save}: the properties assigned to it in the calling function, the
   * object it was created from, and whether it was created rather than loaded.
   */
  record Saved(List<String> assigned, JsValue created, boolean isNew) {
    Saved {
      assigned = List.copyOf(assigned);
    }
  }

  TypeOrmCall {
    steps = List.copyOf(steps);
  }

  @Override
  public void resolve(TsProject project, FileFacts.Builder facts) {
    String path = location.path();
    TypeOrmUses uses = new TypeOrmUses(project, path);
    if (builder) {
      Optional<TypeOrmModel> main = Optional.ofNullable(repository).flatMap(r -> uses.model(r));
      new TypeOrmBuilder(uses).query(main.orElse(null), steps);
    } else {
      Step method = steps.get(0);
      JsValue first = method.arg(0);
      Optional<TypeOrmModel> managed =
          first instanceof JsValue.Ident ident ? uses.model(ident.name()) : Optional.empty();
      if (managed.isPresent()) {
        uses.method(
            managed.get(), method.name(), method.args().subList(1, method.args().size()), saved);
      } else if (repository != null) {
        uses.model(repository).ifPresent(m -> uses.method(m, method.name(), method.args(), saved));
      }
    }
    for (TypeOrmUses.Use use : uses.uses()) {
      facts.access(
          new UnitAccess(
              unitId,
              new Access(
                  use.column(),
                  use.kind(),
                  Via.TYPEORM,
                  use.confidence(),
                  use.implicit(),
                  location,
                  snippet,
                  List.of(),
                  use.inserts())));
    }
  }
}
