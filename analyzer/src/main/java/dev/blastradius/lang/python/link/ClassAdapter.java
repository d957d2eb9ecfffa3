package dev.blastradius.lang.python.link;

/**
 * Finds accesses declared by classes (serializers, admins, forms, filters), one implementation per
 * framework, registered in {@link PythonLinker}.
 */
public interface ClassAdapter {

  void visit(PyValue.ClassRef cls, ClassSite site);
}
