package dev.blastradius.lang.python.link;

import dev.blastradius.lang.python.PyClass;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyParam;
import dev.blastradius.lang.python.PyStatement;
import dev.blastradius.lang.python.PyUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The classes a constructor call stores in attributes of the new object: the generic repository of
 * FastAPI and Flask code, {@code RepositoryGeneric(session, "id", User, UserSchema)} whose {@code
 * __init__} does {@code self.model = sql_model}, makes {@code model} mean {@code User} for that
 * instance. The {@code __init__} is read once per class into slots (which argument ends up in which
 * attribute), following {@code super().__init__(…)} and {@code Base.__init__(self, …)} into the
 * bases; a call then fills the slots with the arguments that name a class of the project. Only
 * plain {@code self.x = parameter} assignments count: anything computed is left to the resolver.
 */
final class ConstructorBindings {

  /** How deep {@code super().__init__} chains are followed. */
  private static final int MAX_DEPTH = 4;

  /**
   * An attribute filled from an argument of the constructor call.
   *
   * @param position the index among positional arguments, or -1 when the parameter is keyword-only
   * @param keyword the parameter name, by which a keyword argument fills it
   */
  private record Slot(String attribute, int position, String keyword) {}

  private final Resolver resolver;
  private final Map<PyClass, List<Slot>> slots = new IdentityHashMap<>();

  ConstructorBindings(Resolver resolver) {
    this.resolver = resolver;
  }

  /**
   * The attributes {@code call} (a call of {@code cls}, read in {@code scope}) binds to classes.
   */
  Map<String, PyValue.ClassRef> bound(
      PyValue.ClassRef cls, PyExpr.Call call, Scope scope, int depth) {
    List<Slot> wanted = slots(cls);
    if (wanted.isEmpty()) {
      return Map.of();
    }
    boolean listSplat = call.args().stream().anyMatch(a -> a.splat() == 1);
    Map<String, PyValue.ClassRef> bound = new LinkedHashMap<>();
    for (Slot slot : wanted) {
      Optional<PyExpr> argument = call.keyword(slot.keyword());
      if (argument.isEmpty() && slot.position() >= 0 && !listSplat) {
        argument = call.positional(slot.position());
      }
      if (argument.isPresent()
          && (argument.get() instanceof PyExpr.Name || argument.get() instanceof PyExpr.Attr)
          && resolver.value(argument.get(), scope, depth + 1) instanceof PyValue.ClassRef ref) {
        bound.putIfAbsent(slot.attribute(), ref);
      }
    }
    return bound;
  }

  private List<Slot> slots(PyValue.ClassRef cls) {
    List<Slot> cached = slots.get(cls.cls());
    if (cached == null) {
      List<PyValue.ClassRef> mro = resolver.mro(cls);
      cached = List.copyOf(initSlots(mro, 0, 0));
      slots.put(cls.cls(), cached);
    }
    return cached;
  }

  /** The slots of the first {@code __init__} in {@code mro} from index {@code from} on. */
  private List<Slot> initSlots(List<PyValue.ClassRef> mro, int from, int depth) {
    if (depth > MAX_DEPTH) {
      return List.of();
    }
    for (int i = from; i < mro.size(); i++) {
      PyUnit init = mro.get(i).cls().methods().get("__init__");
      if (init != null) {
        return initSlots(mro, i, init, depth);
      }
    }
    return List.of();
  }

  private List<Slot> initSlots(List<PyValue.ClassRef> mro, int owner, PyUnit init, int depth) {
    if (!init.bound()) {
      return List.of();
    }
    String self = init.params().get(0).name();
    Map<String, Slot> params = new HashMap<>();
    int position = 0;
    for (PyParam param : init.callerParams()) {
      switch (param.kind()) {
        case POSITIONAL -> params.put(param.name(), new Slot(null, position++, param.name()));
        case KEYWORD_ONLY -> params.put(param.name(), new Slot(null, -1, param.name()));
        default -> {}
      }
    }
    List<Slot> found = new ArrayList<>();
    for (PyStatement statement : init.statements()) {
      if (statement.kind() == PyStatement.Kind.ASSIGN
          && statement.value() instanceof PyExpr.Name value
          && params.containsKey(value.id())) {
        for (PyExpr target : statement.targets()) {
          if (target instanceof PyExpr.Attr attr
              && attr.object() instanceof PyExpr.Name owner2
              && owner2.id().equals(self)) {
            Slot param = params.get(value.id());
            found.add(new Slot(attr.name(), param.position(), param.keyword()));
          }
        }
      }
      if (statement.value() instanceof PyExpr.Call call && superInit(call, self)) {
        boolean explicitSelf = !(call.receiver().orElse(null) instanceof PyExpr.Call);
        for (Slot base : initSlots(mro, owner + 1, depth + 1)) {
          Optional<PyExpr> argument = call.keyword(base.keyword());
          if (argument.isEmpty() && base.position() >= 0) {
            argument = call.positional(base.position() + (explicitSelf ? 1 : 0));
          }
          if (argument.isPresent()
              && argument.get() instanceof PyExpr.Name name
              && params.containsKey(name.id())) {
            Slot param = params.get(name.id());
            found.add(new Slot(base.attribute(), param.position(), param.keyword()));
          }
        }
      }
    }
    return found;
  }

  /**
   * {@code super().__init__(…)}, {@code super(Cls, self).__init__(…)}, {@code Base.__init__(self,
   * …)}.
   */
  private static boolean superInit(PyExpr.Call call, String self) {
    if (!call.name().filter("__init__"::equals).isPresent()) {
      return false;
    }
    PyExpr receiver = call.receiver().orElse(null);
    if (receiver instanceof PyExpr.Call inner) {
      return PyExpr.dotted(inner.function()).filter("super"::equals).isPresent();
    }
    return receiver != null
        && call.positional(0)
            .filter(a -> a instanceof PyExpr.Name n && n.id().equals(self))
            .isPresent();
  }
}
