package dev.blastradius.lang.python.link;

import java.util.List;
import java.util.Optional;

/** The ORM models of the project, across frameworks. */
public interface ModelRegistry {

  /** Knows no model. */
  ModelRegistry NONE =
      new ModelRegistry() {
        @Override
        public Optional<ModelInfo> model(PyValue.ClassRef cls) {
          return Optional.empty();
        }

        @Override
        public Optional<ModelInfo> related(ModelInfo model, ModelField field) {
          return Optional.empty();
        }

        @Override
        public List<Reverse> reverse(ModelInfo model) {
          return List.of();
        }
      };

  /** The mapping of a class, if it is a concrete (or proxy) model. */
  Optional<ModelInfo> model(PyValue.ClassRef cls);

  /** The model a relation field points to. */
  Optional<ModelInfo> related(ModelInfo model, ModelField field);

  /**
   * A relation seen from its target: {@code orders} on a customer for {@code Order.customer}.
   *
   * @param name the name queries use from the target's side
   * @param accessor the attribute on target instances ({@code order_set}), or null
   */
  record Reverse(String name, String accessor, ModelInfo source, ModelField field) {}

  /** The relations that point at {@code model}. */
  List<Reverse> reverse(ModelInfo model);
}
