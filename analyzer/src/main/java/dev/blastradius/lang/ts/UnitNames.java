package dev.blastradius.lang.ts;

/**
 * Names functions by where they are bound: a declaration's name, the variable or property an arrow
 * function is assigned to, {@code Class.method}, {@code object.method} for methods of object
 * literals bound to a name, {@code default} for a default export, {@code exports.up} for CommonJS.
 * A function passed as an argument (a callback) has no name.
 */
final class UnitNames {

  private final TsSource source;

  UnitNames(TsSource source) {
    this.source = source;
  }

  /** The local binding name of a function node, or null when it is anonymous. */
  String name(TsNode function) {
    String type = function.getType();
    if (type.equals("function_declaration") || type.equals("generator_function_declaration")) {
      TsNode name = TsSource.field(function, "name");
      return name == null ? null : source.text(name);
    }
    TsNode parent = function.getParent();
    if (type.equals("method_definition")) {
      String method = source.keyName(TsSource.field(function, "name")).orElse(null);
      if (method == null) {
        return null;
      }
      String container =
          TsSource.type(parent).equals("class_body")
              ? className(parent.getParent())
              : container(parent);
      return container == null ? null : container + "." + method;
    }
    return valueName(function, parent);
  }

  /** The name a value (a function, an object) is bound to by its parent, or null. */
  String valueName(TsNode value, TsNode parent) {
    switch (TsSource.type(parent)) {
      case "variable_declarator" -> {
        TsNode name = TsSource.field(parent, "name");
        return TsSource.type(name).equals("identifier") ? source.text(name) : null;
      }
      case "pair" -> {
        String key = source.keyName(TsSource.field(parent, "key")).orElse(null);
        String container = container(parent.getParent());
        return key == null || container == null ? null : container + "." + key;
      }
      case "assignment_expression" -> {
        return assigned(TsSource.field(parent, "left"));
      }
      case "public_field_definition", "field_definition" -> {
        TsNode name = TsSource.field(parent, "name");
        TsNode body = parent.getParent();
        String owner =
            TsSource.type(body).equals("class_body") ? className(body.getParent()) : null;
        return name == null || owner == null ? null : owner + "." + source.text(name);
      }
      case "export_statement" -> {
        return "default";
      }
      case "parenthesized_expression",
          "as_expression",
          "satisfies_expression",
          "non_null_expression" -> {
        return valueName(parent, parent.getParent());
      }
      default -> {
        return null;
      }
    }
  }

  /** The name of an object literal's binding ({@code const repo = {…}}), or null. */
  String container(TsNode object) {
    if (!TsSource.type(object).equals("object")) {
      return null;
    }
    return valueName(object, object.getParent());
  }

  /**
   * The binding an assignment target names: {@code exports.up} and {@code module.exports.up} are
   * {@code exports.up}; {@code module.exports} is {@code default}; {@code a.b} is {@code a.b}.
   */
  String assigned(TsNode left) {
    String text = dotted(left, 3);
    if (text == null || text.startsWith("this.")) {
      return null;
    }
    if (text.equals("module.exports")) {
      return "default";
    }
    if (text.startsWith("module.exports.")) {
      return "exports." + text.substring("module.exports.".length());
    }
    return text;
  }

  /**
   * {@code a}, {@code a.b} or {@code a.b.c} when the node is an identifier (or {@code this}) and
   * member accesses of plain names, at most {@code parts} long; else null.
   */
  String dotted(TsNode node, int parts) {
    String type = TsSource.type(node);
    if (type.equals("identifier") || type.equals("this")) {
      return source.text(node);
    }
    if (!type.equals("member_expression") || parts < 2) {
      return null;
    }
    TsNode property = TsSource.field(node, "property");
    String object = dotted(TsSource.field(node, "object"), parts - 1);
    return object == null || !TsSource.type(property).equals("property_identifier")
        ? null
        : object + "." + source.text(property);
  }

  /** The name of a class declaration or class expression, or null. */
  String className(TsNode classNode) {
    if (!TsSource.present(classNode)) {
      return null;
    }
    TsNode name = TsSource.field(classNode, "name");
    if (name != null) {
      return source.text(name);
    }
    return valueName(classNode, classNode.getParent());
  }
}
