package dev.blastradius.lang.python.link;

import dev.blastradius.lang.python.PyExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every ORM framework of the project as one registry and one set of hooks, asked in order. */
final class Orms implements OrmFramework {

  private final List<OrmFramework> frameworks;

  Orms(List<OrmFramework> frameworks) {
    this.frameworks = List.copyOf(frameworks);
  }

  @Override
  public Optional<ModelInfo> model(PyValue.ClassRef cls) {
    for (OrmFramework framework : frameworks) {
      Optional<ModelInfo> model = framework.model(cls);
      if (model.isPresent()) {
        return model;
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<ModelInfo> related(ModelInfo model, ModelField field) {
    for (OrmFramework framework : frameworks) {
      Optional<ModelInfo> related = framework.related(model, field);
      if (related.isPresent()) {
        return related;
      }
    }
    return Optional.empty();
  }

  @Override
  public List<Reverse> reverse(ModelInfo model) {
    List<Reverse> all = new ArrayList<>();
    frameworks.forEach(f -> all.addAll(f.reverse(model)));
    return all;
  }

  @Override
  public PyValue self(PyValue.ClassRef cls) {
    for (OrmFramework framework : frameworks) {
      PyValue value = framework.self(cls);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  @Override
  public PyValue param(Scope scope, dev.blastradius.lang.python.PyParam param) {
    for (OrmFramework framework : frameworks) {
      PyValue value = framework.param(scope, param);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  @Override
  public PyValue classAttribute(PyValue.ClassRef cls, String name) {
    for (OrmFramework framework : frameworks) {
      PyValue value = framework.classAttribute(cls, name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  @Override
  public PyValue instanceAttribute(PyValue.Instance instance, String name) {
    for (OrmFramework framework : frameworks) {
      PyValue value = framework.instanceAttribute(instance, name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  @Override
  public PyValue queryCall(PyValue.Query query, String method) {
    for (OrmFramework framework : frameworks) {
      PyValue value = framework.queryCall(query, method);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  @Override
  public PyValue call(PyValue function, PyExpr.Call call, Scope scope, Resolver resolver) {
    for (OrmFramework framework : frameworks) {
      PyValue value = framework.call(function, call, scope, resolver);
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
