package dev.blastradius.lang.python.link;

import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.python.PyExpr;
import dev.blastradius.lang.python.PyStatement;
import dev.blastradius.lang.python.PyUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Attributes of loaded model instances. SQLAlchemy: reading {@code user.email} reads the column
 * (the object was loaded with it, and this is where the code depends on it); assigning it writes
 * the column (on flush, as a Java setter on a managed entity); attributes of {@code self} in a
 * SQLAlchemy model's {@code __init__} are neither: the object is not loaded yet. Django: attribute
 * access is no SQL ({@code save()} writes, the query that loaded the object read), so only
 * following a foreign key ({@code order.customer.name}), which loads the related row, is reported.
 * For every ORM, following a foreign key loads the related row.
 */
public final class InstanceAttributes implements StatementAdapter {

  @Override
  public void visit(PySite site) {
    PyStatement statement = site.statement();
    boolean assigns =
        statement.kind() == PyStatement.Kind.ASSIGN || statement.kind() == PyStatement.Kind.AUGMENT;
    if (assigns) {
      for (PyExpr target : statement.targets()) {
        if (target instanceof PyExpr.Attr attr) {
          field(attr, site).ifPresent(f -> record(f, AccessKind.WRITE, site));
          if (statement.kind() == PyStatement.Kind.AUGMENT) {
            field(attr, site).ifPresent(f -> record(f, AccessKind.READ, site));
          }
          reads(attr.object(), site);
        } else {
          reads(target, site);
        }
      }
    }
    reads(statement.value(), site);
  }

  private record Item(PyExpr expr, boolean dereferenced) {}

  /** Every model attribute read inside {@code root}. */
  private void reads(PyExpr root, PySite site) {
    if (root == null) {
      return;
    }
    Deque<Item> work = new ArrayDeque<>();
    work.push(new Item(root, false));
    while (!work.isEmpty()) {
      Item item = work.pop();
      if (item.expr() instanceof PyExpr.Attr attr) {
        Optional<Field> field = field(attr, site);
        if (field.isPresent()) {
          record(field.get(), AccessKind.READ, site);
          if (item.dereferenced() && field.get().field().kind() == ModelField.Kind.FOREIGN_KEY) {
            site.project()
                .models()
                .related(field.get().model(), field.get().field())
                .ifPresent(
                    related ->
                        related
                            .loadedColumns()
                            .forEach(
                                c ->
                                    site.access(
                                        c,
                                        AccessKind.READ,
                                        related.via(),
                                        Confidence.LIKELY,
                                        true)));
          }
        }
        work.push(new Item(attr.object(), true));
        continue;
      }
      if (item.expr() instanceof PyExpr.Call call && call.function() instanceof PyExpr.Attr attr) {
        // obj.method(): the method is not a column, but obj may be an attribute chain.
        work.push(new Item(attr.object(), true));
        call.args().forEach(a -> work.push(new Item(a.value(), false)));
        continue;
      }
      for (PyExpr part : item.expr().parts()) {
        work.push(new Item(part, false));
      }
    }
  }

  private record Field(ModelInfo model, ModelField field) {}

  private static Optional<Field> field(PyExpr.Attr attr, PySite site) {
    if (!(site.value(attr.object()) instanceof PyValue.Instance instance)) {
      return Optional.empty();
    }
    Optional<ModelInfo> model =
        site.project().models().model(new PyValue.ClassRef(instance.module(), instance.cls()));
    if (model.isPresent()
        && model.get().via() == Via.SQLALCHEMY
        && constructing(attr.object(), site)) {
      return Optional.empty();
    }
    return model.flatMap(m -> m.field(attr.name()).map(f -> new Field(m, f)));
  }

  /**
   * Whether {@code object} is {@code self} in an {@code __init__}: SQLAlchemy never calls it for
   * loaded rows, so the object is being built and its attributes are not columns yet; what it is
   * given is inserted where it is added to the session. (Django calls {@code __init__} for loaded
   * rows too.)
   */
  private static boolean constructing(PyExpr object, PySite site) {
    PyUnit unit = site.unit();
    return unit.name().equals("__init__")
        && unit.bound()
        && object instanceof PyExpr.Name name
        && name.id().equals(unit.params().get(0).name());
  }

  private static void record(Field field, AccessKind kind, PySite site) {
    // Django reads and writes a row only in queries and save(), never on attribute access.
    if (field.model().via() == Via.DJANGO_ORM) {
      return;
    }
    if (field.field().column() != null) {
      site.access(field.field().columnRef(), kind, field.model().via(), Confidence.CERTAIN, false);
    }
  }
}
