package dev.blastradius.lang.python;

import dev.blastradius.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A class definition: its bases, the attributes its body assigns (model fields, {@code Meta}
 * options, a view's {@code queryset}), its methods and nested classes, and what its methods assign
 * to {@code self}.
 */
public final class PyClass {

  /**
   * A class-body assignment.
   *
   * @param annotation the annotation ({@code email: Mapped[str]}), or null
   * @param value the assigned value, or null for a bare annotation
   */
  public record Attribute(String name, PyExpr annotation, PyExpr value, Location location) {}

  final String name;
  final String qualname;
  final String type;
  final PyUnit body;
  final Location location;
  final List<PyExpr> bases = new ArrayList<>();
  final Map<String, PyExpr> keywords = new LinkedHashMap<>();
  final List<PyExpr> decorators = new ArrayList<>();
  final Map<String, Attribute> attributes = new LinkedHashMap<>();
  final Map<String, PyUnit> methods = new LinkedHashMap<>();
  final Map<String, PyClass> nested = new LinkedHashMap<>();

  /** {@code self.x = value} in any method, by attribute name. */
  final Map<String, List<SelfAssignment>> selfAttributes = new LinkedHashMap<>();

  /** {@code self.name = value} in {@code method}. */
  public record SelfAssignment(PyUnit method, PyExpr value) {}

  PyClass(String name, String qualname, String type, PyUnit body, Location location) {
    this.name = name;
    this.qualname = qualname;
    this.type = type;
    this.body = body;
    this.location = location;
  }

  public String name() {
    return name;
  }

  /** The dotted name inside the module. */
  public String qualname() {
    return qualname;
  }

  /** The call-graph type name of the class ({@code py:app/views.py:UserView}). */
  public String type() {
    return type;
  }

  /** The unit of the class body. */
  public PyUnit body() {
    return body;
  }

  public Location location() {
    return location;
  }

  public List<PyExpr> bases() {
    return bases;
  }

  public Map<String, PyExpr> keywords() {
    return keywords;
  }

  public List<PyExpr> decorators() {
    return decorators;
  }

  public Map<String, Attribute> attributes() {
    return attributes;
  }

  public Map<String, PyUnit> methods() {
    return methods;
  }

  public Map<String, PyClass> nested() {
    return nested;
  }

  public Map<String, List<SelfAssignment>> selfAttributes() {
    return selfAttributes;
  }

  /** The value assigned to a class attribute, if any. */
  public Optional<PyExpr> value(String attribute) {
    return Optional.ofNullable(attributes.get(attribute)).map(Attribute::value);
  }

  /** The value of an option of a nested class such as {@code Meta}. */
  public Optional<PyExpr> option(String nestedClass, String attribute) {
    return Optional.ofNullable(nested.get(nestedClass)).flatMap(c -> c.value(attribute));
  }

  @Override
  public String toString() {
    return type;
  }
}
