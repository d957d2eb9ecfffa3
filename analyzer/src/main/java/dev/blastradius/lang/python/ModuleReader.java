package dev.blastradius.lang.python;

import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@link PyModule} from the copy of a file's syntax tree: one {@link PyUnit} per function,
 * class body, module and main guard, with flattened statements, imports and class attributes.
 * Expressions nested deeper than {@link #MAX_DEPTH} are cut off with a problem, so that no input
 * can overflow the stack.
 */
final class ModuleReader {

  /** The deepest expression nesting we follow. */
  static final int MAX_DEPTH = 300;

  /** Nodes that carry no meaning for the analysis wherever they appear. */
  private static final Set<String> TRIVIA = Set.of("comment", "line_continuation");

  private static final Set<String> SEQUENCES =
      Set.of(
          "list",
          "tuple",
          "set",
          "expression_list",
          "pattern_list",
          "tuple_pattern",
          "list_pattern");

  private static final Set<String> COMPREHENSIONS =
      Set.of("list_comprehension", "set_comprehension", "generator_expression");

  private static final Set<String> LITERALS =
      Set.of("integer", "float", "true", "false", "none", "ellipsis");

  private final PyModule module;
  private final String prefix;
  private final List<AnalysisProblem> problems;
  private boolean tooDeep;

  private ModuleReader(PyModule module, List<AnalysisProblem> problems) {
    this.module = module;
    this.prefix = PythonUnits.moduleType(module.path());
    this.problems = problems;
  }

  /** Reads the module of {@code root}; problems are added to {@code problems}. */
  static void read(PyModule module, PyNode root, List<AnalysisProblem> problems) {
    new ModuleReader(module, problems).module(root);
  }

  private void module(PyNode root) {
    PyUnit unit =
        new PyUnit(
            prefix,
            PyUnit.Kind.MODULE,
            "<module>",
            "",
            prefix,
            null,
            null,
            Location.ofLine(module.path(), 1));
    module.moduleUnit = unit;
    module.units.add(unit);
    block(root, unit, null);
  }

  private void block(PyNode block, PyUnit unit, PyClass cls) {
    for (PyNode child : block.children()) {
      statement(child, unit, cls);
    }
  }

  private void statement(PyNode node, PyUnit unit, PyClass cls) {
    switch (node.type()) {
      case "expression_statement" -> expressionStatement(node, unit, cls);
      case "function_definition" -> function(node, List.of(), unit, cls);
      case "class_definition" -> classDefinition(node, List.of(), unit, cls);
      case "decorated_definition" -> decorated(node, unit, cls);
      case "import_statement", "import_from_statement" -> imports(node, unit);
      case "if_statement" -> ifStatement(node, unit, cls);
      case "for_statement" -> forStatement(node, unit, cls);
      case "while_statement" -> {
        header(node, "body", node.child("condition").map(this::expr).orElse(null), unit);
        node.child("body").ifPresent(b -> block(b, unit, cls));
        node.child("alternative").ifPresent(a -> statement(a, unit, cls));
      }
      case "with_statement" -> withStatement(node, unit, cls);
      case "return_statement" -> simple(PyStatement.Kind.RETURN, node, unit);
      case "delete_statement" -> deleteStatement(node, unit);
      case "case_clause" -> {
        node.child("guard").ifPresent(g -> header(node, "consequence", expr(g), unit));
        node.child("consequence").ifPresent(b -> block(b, unit, cls));
      }
      case "block", "ERROR", "else_clause", "finally_clause", "try_statement" ->
          compound(node, unit, cls);
      case "future_import_statement",
          "pass_statement",
          "break_statement",
          "continue_statement",
          "global_statement",
          "nonlocal_statement",
          "comment",
          "line_continuation" -> {}
      default -> {
        if (node.named()) {
          compound(node, unit, cls);
        }
      }
    }
  }

  /**
   * A statement we do not model in detail (try, match, except clauses, recovered errors): its
   * blocks are read as statements, its other parts as one expression evaluated at its header.
   */
  private void compound(PyNode node, PyUnit unit, PyClass cls) {
    List<PyExpr> parts = new ArrayList<>();
    PyNode firstBlock = null;
    for (PyNode child : node.children()) {
      if (!child.named() || TRIVIA.contains(child.type())) {
        continue;
      }
      if (isStatementLike(child)) {
        firstBlock = firstBlock == null ? child : firstBlock;
        statement(child, unit, cls);
      } else if (firstBlock == null) {
        parts.add(expr(child));
      }
    }
    if (!parts.isEmpty()) {
      PyExpr value = parts.size() == 1 ? parts.get(0) : new PyExpr.Other(parts);
      add(unit, PyStatement.Kind.EXPR, node, firstBlock, List.of(), value, null, null);
    }
  }

  private static boolean isStatementLike(PyNode node) {
    String type = node.type();
    return type.equals("block")
        || type.endsWith("_statement")
        || type.endsWith("_clause")
        || type.endsWith("_definition")
        || type.equals("ERROR");
  }

  private void expressionStatement(PyNode node, PyUnit unit, PyClass cls) {
    for (PyNode child : node.children()) {
      if (!child.named() || TRIVIA.contains(child.type())) {
        continue;
      }
      if (child.is("assignment")) {
        assignment(node, child, unit, cls);
      } else if (child.is("augmented_assignment")) {
        PyExpr target = child.child("left").map(this::expr).orElse(null);
        PyExpr value = child.child("right").map(this::expr).orElse(new PyExpr.Other(List.of()));
        String op = child.child("operator").map(PyNode::text).orElse("+=");
        add(unit, PyStatement.Kind.AUGMENT, node, null, listOf(target), value, null, op);
      } else {
        add(unit, PyStatement.Kind.EXPR, node, null, List.of(), expr(child), null, null);
      }
    }
  }

  /** {@code a = b = value}, {@code x: T = value}, {@code x: T}. */
  private void assignment(PyNode statement, PyNode node, PyUnit unit, PyClass cls) {
    List<PyExpr> targets = new ArrayList<>();
    PyNode current = node;
    PyExpr annotation = node.child("type").map(this::expr).orElse(null);
    while (true) {
      current.child("left").map(this::expr).ifPresent(targets::add);
      Optional<PyNode> right = current.child("right");
      if (right.isPresent() && right.get().is("assignment")) {
        current = right.get();
        continue;
      }
      PyExpr value = right.map(this::expr).orElse(null);
      record(targets, annotation, value, unit, cls, statement);
      if (value != null) {
        add(unit, PyStatement.Kind.ASSIGN, statement, null, targets, value, annotation, null);
      }
      return;
    }
  }

  /** Remembers what module, class and {@code self} attributes an assignment defines. */
  private void record(
      List<PyExpr> targets,
      PyExpr annotation,
      PyExpr value,
      PyUnit unit,
      PyClass cls,
      PyNode statement) {
    for (PyExpr target : targets) {
      if (target instanceof PyExpr.Name name) {
        if (unit.kind == PyUnit.Kind.MODULE) {
          if (value != null) {
            module.variables.computeIfAbsent(name.id(), k -> new ArrayList<>()).add(value);
          }
        } else if (unit.kind == PyUnit.Kind.CLASS_BODY && cls != null) {
          cls.attributes.put(
              name.id(), new PyClass.Attribute(name.id(), annotation, value, statement.location()));
        }
      } else if (target instanceof PyExpr.Attr attr
          && value != null
          && unit.kind == PyUnit.Kind.FUNCTION
          && unit.declaringClass != null
          && unit.bound()
          && attr.object() instanceof PyExpr.Name self
          && self.id().equals(unit.params.get(0).name())) {
        unit.declaringClass
            .selfAttributes
            .computeIfAbsent(attr.name(), k -> new ArrayList<>())
            .add(new PyClass.SelfAssignment(unit, value));
      }
    }
  }

  private void deleteStatement(PyNode node, PyUnit unit) {
    List<PyExpr> targets = new ArrayList<>();
    for (PyNode child : node.namedChildren()) {
      if (TRIVIA.contains(child.type())) {
        continue;
      }
      PyExpr target = expr(child);
      if (target instanceof PyExpr.Seq seq) {
        targets.addAll(seq.items());
      } else {
        targets.add(target);
      }
    }
    add(unit, PyStatement.Kind.DELETE, node, null, targets, new PyExpr.Seq(targets), null, null);
  }

  private void simple(PyStatement.Kind kind, PyNode node, PyUnit unit) {
    List<PyExpr> parts = new ArrayList<>();
    for (PyNode child : node.namedChildren()) {
      if (!TRIVIA.contains(child.type())) {
        parts.add(expr(child));
      }
    }
    PyExpr value = parts.size() == 1 ? parts.get(0) : new PyExpr.Other(parts);
    add(unit, kind, node, null, List.of(), value, null, null);
  }

  /** The header of a compound statement: its condition, evaluated on its first line(s). */
  private void header(PyNode node, String bodyField, PyExpr value, PyUnit unit) {
    if (value == null) {
      return;
    }
    PyNode body = node.child(bodyField).orElse(null);
    add(unit, PyStatement.Kind.EXPR, node, body, List.of(), value, null, null);
  }

  private void ifStatement(PyNode node, PyUnit unit, PyClass cls) {
    Optional<PyNode> condition = node.child("condition");
    if (unit.kind == PyUnit.Kind.MODULE && condition.isPresent() && isMainGuard(condition.get())) {
      PyUnit main =
          new PyUnit(
              prefix + ":__main__",
              PyUnit.Kind.MAIN_GUARD,
              "__main__",
              "__main__",
              prefix,
              null,
              null,
              node.location());
      module.mainGuard = main;
      module.units.add(main);
      node.child("consequence").ifPresent(b -> block(b, main, cls));
    } else {
      header(node, "consequence", condition.map(this::expr).orElse(null), unit);
      node.child("consequence").ifPresent(b -> block(b, unit, cls));
    }
    for (PyNode alternative : node.children("alternative")) {
      if (alternative.is("elif_clause")) {
        header(
            alternative,
            "consequence",
            alternative.child("condition").map(this::expr).orElse(null),
            unit);
        alternative.child("consequence").ifPresent(b -> block(b, unit, cls));
      } else {
        statement(alternative, unit, cls);
      }
    }
  }

  /** {@code __name__ == "__main__"}, either way round. */
  private static boolean isMainGuard(PyNode condition) {
    if (!condition.is("comparison_operator")) {
      return false;
    }
    boolean name = false;
    boolean main = false;
    for (PyNode child : condition.namedChildren()) {
      name |= child.is("identifier") && child.text().equals("__name__");
      main |= child.is("string") && child.text().length() > 2 && child.text().contains("__main__");
    }
    return name && main;
  }

  private void forStatement(PyNode node, PyUnit unit, PyClass cls) {
    PyExpr target = node.child("left").map(this::expr).orElse(null);
    PyExpr iterable = node.child("right").map(this::expr).orElse(null);
    if (iterable != null) {
      PyNode body = node.child("body").orElse(null);
      add(unit, PyStatement.Kind.FOR, node, body, listOf(target), iterable, null, null);
    }
    node.child("body").ifPresent(b -> block(b, unit, cls));
    node.child("alternative").ifPresent(a -> statement(a, unit, cls));
  }

  private void withStatement(PyNode node, PyUnit unit, PyClass cls) {
    PyNode body = node.child("body").orElse(null);
    for (PyNode clause : node.children()) {
      if (!clause.is("with_clause")) {
        continue;
      }
      for (PyNode item : clause.namedChildren()) {
        if (!item.is("with_item")) {
          continue;
        }
        Optional<PyNode> value = item.child("value");
        if (value.isEmpty()) {
          continue;
        }
        PyNode v = value.get();
        if (v.is("as_pattern")) {
          PyExpr context = v.namedChildren().isEmpty() ? null : expr(v.namedChildren().get(0));
          PyExpr target = v.child("alias").map(this::expr).orElse(null);
          if (context != null) {
            add(unit, PyStatement.Kind.WITH, node, body, listOf(target), context, null, null);
          }
        } else {
          add(unit, PyStatement.Kind.WITH, node, body, List.of(), expr(v), null, null);
        }
      }
    }
    if (body != null) {
      block(body, unit, cls);
    }
  }

  private void decorated(PyNode node, PyUnit unit, PyClass cls) {
    List<PyExpr> decorators = new ArrayList<>();
    for (PyNode child : node.children()) {
      if (child.is("decorator")) {
        for (PyNode inner : child.namedChildren()) {
          if (!TRIVIA.contains(inner.type())) {
            decorators.add(expr(inner));
          }
        }
      }
    }
    node.child("definition")
        .ifPresent(
            definition -> {
              if (definition.is("function_definition")) {
                function(definition, decorators, unit, cls);
              } else if (definition.is("class_definition")) {
                classDefinition(definition, decorators, unit, cls);
              }
            });
  }

  private void function(PyNode node, List<PyExpr> decorators, PyUnit outer, PyClass cls) {
    Optional<PyNode> nameNode = node.child("name");
    if (nameNode.isEmpty()) {
      return;
    }
    String name = nameNode.get().text();
    boolean method = outer.kind == PyUnit.Kind.CLASS_BODY && cls != null;
    String qualname =
        outer.qualname.isEmpty() || outer.kind == PyUnit.Kind.MAIN_GUARD
            ? name
            : outer.qualname + "." + name;
    String owner;
    if (method) {
      owner = cls.type;
    } else if (outer.kind == PyUnit.Kind.FUNCTION) {
      owner = outer.id;
    } else {
      owner = prefix;
    }
    PyUnit unit =
        new PyUnit(
            prefix + ":" + qualname,
            PyUnit.Kind.FUNCTION,
            name,
            qualname,
            owner,
            method ? cls : null,
            outer.kind == PyUnit.Kind.FUNCTION ? outer : null,
            nameNode.get().location());
    unit.async = node.text().startsWith("async");
    unit.decorators.addAll(decorators);
    node.child("parameters").ifPresent(p -> parameters(p, unit));
    unit.returns = node.child("return_type").map(this::expr).orElse(null);
    module.units.add(unit);
    switch (outer.kind) {
      case CLASS_BODY -> {
        if (cls != null) {
          cls.methods.put(name, unit);
        }
      }
      case FUNCTION -> outer.localFunctions.put(name, unit);
      default -> module.functions.put(name, unit);
    }
    node.child("body").ifPresent(b -> block(b, unit, null));
  }

  private void parameters(PyNode parameters, PyUnit unit) {
    boolean keywordOnly = false;
    for (PyNode child : parameters.namedChildren()) {
      switch (child.type()) {
        case "identifier" ->
            unit.params.add(new PyParam(child.text(), kind(keywordOnly), null, null));
        case "typed_parameter" -> {
          PyExpr annotation = child.child("type").map(this::expr).orElse(null);
          PyNode inner = child.namedChildren().isEmpty() ? child : child.namedChildren().get(0);
          if (inner.is("list_splat_pattern")) {
            unit.params.add(new PyParam(splatName(inner), PyParam.Kind.VARARGS, annotation, null));
            keywordOnly = true;
          } else if (inner.is("dictionary_splat_pattern")) {
            unit.params.add(new PyParam(splatName(inner), PyParam.Kind.VARKW, annotation, null));
          } else {
            unit.params.add(new PyParam(inner.text(), kind(keywordOnly), annotation, null));
          }
        }
        case "default_parameter", "typed_default_parameter" -> {
          String name = child.child("name").map(PyNode::text).orElse("_");
          PyExpr annotation = child.child("type").map(this::expr).orElse(null);
          PyExpr value = child.child("value").map(this::expr).orElse(new PyExpr.Other(List.of()));
          unit.params.add(new PyParam(name, kind(keywordOnly), annotation, value));
        }
        case "list_splat_pattern" -> {
          unit.params.add(new PyParam(splatName(child), PyParam.Kind.VARARGS, null, null));
          keywordOnly = true;
        }
        case "keyword_separator" -> keywordOnly = true;
        case "dictionary_splat_pattern" ->
            unit.params.add(new PyParam(splatName(child), PyParam.Kind.VARKW, null, null));
        default -> {}
      }
    }
  }

  private static PyParam.Kind kind(boolean keywordOnly) {
    return keywordOnly ? PyParam.Kind.KEYWORD_ONLY : PyParam.Kind.POSITIONAL;
  }

  private static String splatName(PyNode splat) {
    return splat.namedChildren().isEmpty() ? "_" : splat.namedChildren().get(0).text();
  }

  private void classDefinition(
      PyNode node, List<PyExpr> decorators, PyUnit outer, PyClass outerClass) {
    Optional<PyNode> nameNode = node.child("name");
    if (nameNode.isEmpty()) {
      return;
    }
    String name = nameNode.get().text();
    String qualname =
        outer.qualname.isEmpty() || outer.kind == PyUnit.Kind.MAIN_GUARD
            ? name
            : outer.qualname + "." + name;
    String type = prefix + ":" + qualname;
    PyUnit body =
        new PyUnit(
            type,
            PyUnit.Kind.CLASS_BODY,
            "<class>",
            qualname,
            type,
            null,
            null,
            nameNode.get().location());
    PyClass cls = new PyClass(name, qualname, type, body, nameNode.get().location());
    cls.decorators.addAll(decorators);
    node.child("superclasses")
        .ifPresent(
            list -> {
              for (PyNode argument : list.namedChildren()) {
                if (argument.is("keyword_argument")) {
                  String keyword = argument.child("name").map(PyNode::text).orElse("");
                  argument.child("value").ifPresent(v -> cls.keywords.put(keyword, expr(v)));
                } else if (!TRIVIA.contains(argument.type())) {
                  cls.bases.add(expr(argument));
                }
              }
            });
    module.units.add(body);
    module.allClasses.add(cls);
    switch (outer.kind) {
      case CLASS_BODY -> {
        if (outerClass != null) {
          outerClass.nested.put(name, cls);
        }
      }
      case FUNCTION -> outer.localClasses.put(name, cls);
      default -> module.classes.put(name, cls);
    }
    node.child("body").ifPresent(b -> block(b, body, cls));
  }

  private void imports(PyNode node, PyUnit unit) {
    List<PyImport> target = unit.kind == PyUnit.Kind.FUNCTION ? unit.imports : module.imports;
    int line = node.line();
    if (node.is("import_statement")) {
      for (PyNode name : node.children("name")) {
        if (name.is("aliased_import")) {
          String dotted = name.child("name").map(PyNode::text).orElse("");
          String alias = name.child("alias").map(PyNode::text).orElse(dotted);
          target.add(new PyImport(alias, 0, clean(dotted), null, line));
        } else {
          String dotted = clean(name.text());
          int dot = dotted.indexOf('.');
          String root = dot < 0 ? dotted : dotted.substring(0, dot);
          target.add(new PyImport(root, 0, root, null, line));
        }
      }
      return;
    }
    int level = 0;
    String from = "";
    Optional<PyNode> moduleName = node.child("module_name");
    if (moduleName.isPresent()) {
      PyNode m = moduleName.get();
      if (m.is("relative_import")) {
        for (PyNode part : m.namedChildren()) {
          if (part.is("import_prefix")) {
            level = part.text().strip().length();
          } else if (part.is("dotted_name")) {
            from = clean(part.text());
          }
        }
      } else {
        from = clean(m.text());
      }
    }
    if (node.first("wildcard_import").isPresent()) {
      target.add(new PyImport("*", level, from, "*", line));
      return;
    }
    for (PyNode name : node.children("name")) {
      if (name.is("aliased_import")) {
        String member = name.child("name").map(PyNode::text).map(ModuleReader::clean).orElse("");
        String alias = name.child("alias").map(PyNode::text).orElse(member);
        target.add(new PyImport(alias, level, from, member, line));
      } else {
        String member = clean(name.text());
        target.add(new PyImport(member, level, from, member, line));
      }
    }
  }

  /** A dotted name without the whitespace and comments a parenthesised import may hold. */
  private static String clean(String dotted) {
    StringBuilder out = new StringBuilder(dotted.length());
    for (int i = 0; i < dotted.length(); i++) {
      char c = dotted.charAt(i);
      if (c == '.' || Character.isLetterOrDigit(c) || c == '_') {
        out.append(c);
      }
    }
    return out.toString();
  }

  private void add(
      PyUnit unit,
      PyStatement.Kind kind,
      PyNode node,
      PyNode body,
      List<PyExpr> targets,
      PyExpr value,
      PyExpr annotation,
      String op) {
    Location location = body == null ? node.location() : node.locationUpTo(body);
    String text = body == null ? node.text() : node.textUpTo(body);
    unit.statements.add(new PyStatement(kind, location, text, targets, value, annotation, op));
  }

  private static List<PyExpr> listOf(PyExpr expr) {
    return expr == null ? List.of() : List.of(expr);
  }

  // ---------------------------------------------------------------------------------------------
  // Expressions

  private PyExpr expr(PyNode node) {
    return expr(node, 0);
  }

  private PyExpr expr(PyNode node, int depth) {
    if (depth > MAX_DEPTH) {
      if (!tooDeep) {
        tooDeep = true;
        problems.add(
            new AnalysisProblem(
                module.path(),
                "extract",
                "expression nested more than "
                    + MAX_DEPTH
                    + " levels deep; its inner parts were not analysed",
                node.line()));
      }
      return new PyExpr.Other(List.of());
    }
    int next = depth + 1;
    switch (node.type()) {
      case "identifier":
        return new PyExpr.Name(node.text());
      case "attribute":
        {
          PyExpr object =
              node.child("object").map(o -> expr(o, next)).orElse(new PyExpr.Other(List.of()));
          String name = node.child("attribute").map(PyNode::text).orElse("");
          return new PyExpr.Attr(object, name);
        }
      case "call":
        return call(node, next);
      case "string":
        return string(node, next);
      case "concatenated_string":
        return concatenated(node, next);
      case "binary_operator":
      case "boolean_operator":
        {
          PyExpr left =
              node.child("left").map(l -> expr(l, next)).orElse(new PyExpr.Other(List.of()));
          PyExpr right =
              node.child("right").map(r -> expr(r, next)).orElse(new PyExpr.Other(List.of()));
          String op = node.child("operator").map(PyNode::text).orElse("?");
          return new PyExpr.BinOp(op, left, right);
        }
      case "comparison_operator":
        {
          List<String> ops = new ArrayList<>();
          List<PyExpr> operands = new ArrayList<>();
          for (PyNode child : node.children()) {
            if ("operators".equals(child.field())) {
              ops.add(child.text());
            } else if (child.named() && !TRIVIA.contains(child.type())) {
              operands.add(expr(child, next));
            }
          }
          return new PyExpr.Compare(ops, operands);
        }
      case "subscript":
        {
          PyExpr value =
              node.child("value").map(v -> expr(v, next)).orElse(new PyExpr.Other(List.of()));
          List<PyExpr> index = new ArrayList<>();
          for (PyNode child : node.children("subscript")) {
            index.add(expr(child, next));
          }
          return new PyExpr.Subscript(value, index);
        }
      case "generic_type":
        {
          List<PyNode> children = exprChildren(node);
          if (children.isEmpty()) {
            return new PyExpr.Other(List.of());
          }
          PyExpr value = expr(children.get(0), next);
          List<PyExpr> index = new ArrayList<>();
          for (PyNode child : children.subList(1, children.size())) {
            PyExpr parameter = expr(child, next);
            if (child.is("type_parameter") && parameter instanceof PyExpr.Other other) {
              index.addAll(other.parts());
            } else {
              index.add(parameter);
            }
          }
          return new PyExpr.Subscript(value, index);
        }
      case "parenthesized_expression":
      case "await":
      case "type":
      case "as_pattern_target":
      case "decorator":
        {
          List<PyNode> children = exprChildren(node);
          return children.size() == 1 ? expr(children.get(0), next) : other(children, next);
        }
      case "dictionary":
        return dictionary(node, next);
      case "lambda":
        {
          List<String> params = new ArrayList<>();
          node.child("parameters")
              .ifPresent(
                  p -> {
                    for (PyNode param : p.namedChildren()) {
                      params.add(
                          param.is("identifier")
                              ? param.text()
                              : param.child("name").map(PyNode::text).orElse("_"));
                    }
                  });
          PyExpr body =
              node.child("body").map(b -> expr(b, next)).orElse(new PyExpr.Other(List.of()));
          return new PyExpr.Lambda(params, body);
        }
      default:
        break;
    }
    if (SEQUENCES.contains(node.type())) {
      List<PyExpr> items = new ArrayList<>();
      for (PyNode child : exprChildren(node)) {
        items.add(expr(child, next));
      }
      return new PyExpr.Seq(items);
    }
    if (COMPREHENSIONS.contains(node.type()) || node.is("dictionary_comprehension")) {
      return comprehension(node, next);
    }
    if (LITERALS.contains(node.type())) {
      return new PyExpr.Literal(node.text());
    }
    return other(exprChildren(node), next);
  }

  private PyExpr other(List<PyNode> children, int depth) {
    List<PyExpr> parts = new ArrayList<>(children.size());
    for (PyNode child : children) {
      parts.add(expr(child, depth));
    }
    return new PyExpr.Other(parts);
  }

  private static List<PyNode> exprChildren(PyNode node) {
    List<PyNode> found = new ArrayList<>();
    for (PyNode child : node.children()) {
      if (child.named() && !TRIVIA.contains(child.type())) {
        found.add(child);
      }
    }
    return found;
  }

  private PyExpr call(PyNode node, int depth) {
    PyExpr function =
        node.child("function").map(f -> expr(f, depth)).orElse(new PyExpr.Other(List.of()));
    List<PyExpr.Arg> args = new ArrayList<>();
    Optional<PyNode> arguments = node.child("arguments");
    if (arguments.isPresent()) {
      PyNode list = arguments.get();
      if (list.is("argument_list")) {
        for (PyNode argument : exprChildren(list)) {
          switch (argument.type()) {
            case "keyword_argument" -> {
              String keyword = argument.child("name").map(PyNode::text).orElse("_");
              PyExpr value =
                  argument
                      .child("value")
                      .map(v -> expr(v, depth))
                      .orElse(new PyExpr.Other(List.of()));
              args.add(new PyExpr.Arg(keyword, value, 0));
            }
            case "list_splat" ->
                args.add(new PyExpr.Arg(null, other(exprChildren(argument), depth), 1));
            case "dictionary_splat" ->
                args.add(new PyExpr.Arg(null, other(exprChildren(argument), depth), 2));
            default -> args.add(new PyExpr.Arg(null, expr(argument, depth), 0));
          }
        }
      } else {
        args.add(new PyExpr.Arg(null, expr(list, depth), 0));
      }
    }
    return new PyExpr.Call(function, args, node.line());
  }

  private PyExpr dictionary(PyNode node, int depth) {
    List<PyExpr> keys = new ArrayList<>();
    List<PyExpr> values = new ArrayList<>();
    for (PyNode child : exprChildren(node)) {
      if (child.is("pair")) {
        keys.add(child.child("key").map(k -> expr(k, depth)).orElse(new PyExpr.Other(List.of())));
        values.add(
            child.child("value").map(v -> expr(v, depth)).orElse(new PyExpr.Other(List.of())));
      } else {
        keys.add(null);
        values.add(other(exprChildren(child), depth));
      }
    }
    return new PyExpr.Dict(keys, values);
  }

  private PyExpr comprehension(PyNode node, int depth) {
    PyExpr element =
        node.child("body").map(b -> expr(b, depth)).orElse(new PyExpr.Other(List.of()));
    if (node.child("body").filter(b -> b.is("pair")).isPresent()) {
      element = other(exprChildren(node.child("body").get()), depth);
    }
    List<PyExpr> targets = new ArrayList<>();
    List<PyExpr> iterables = new ArrayList<>();
    List<PyExpr> conditions = new ArrayList<>();
    for (PyNode child : node.children()) {
      if (child.is("for_in_clause")) {
        targets.add(
            child.child("left").map(l -> expr(l, depth)).orElse(new PyExpr.Other(List.of())));
        iterables.add(
            child.child("right").map(r -> expr(r, depth)).orElse(new PyExpr.Other(List.of())));
      } else if (child.is("if_clause")) {
        conditions.add(other(exprChildren(child), depth));
      }
    }
    return new PyExpr.Comprehension(element, targets, iterables, conditions);
  }

  private PyExpr concatenated(PyNode node, int depth) {
    List<PyExpr> pieces = new ArrayList<>();
    for (PyNode child : exprChildren(node)) {
      PyExpr piece = expr(child, depth);
      if (piece instanceof PyExpr.FStr f) {
        pieces.addAll(f.pieces());
      } else {
        pieces.add(piece);
      }
    }
    return joined(pieces);
  }

  /** The prefix letters of a string's opening token ({@code rb'} → {@code rb}), lower case. */
  private static String stringPrefix(String start) {
    StringBuilder prefix = new StringBuilder(start.length());
    for (int i = 0; i < start.length(); i++) {
      char c = start.charAt(i);
      if (c != '"' && c != '\'') {
        prefix.append(c);
      }
    }
    return prefix.toString().toLowerCase(Locale.ROOT);
  }

  private PyExpr string(PyNode node, int depth) {
    String start = node.first("string_start").map(PyNode::text).orElse("\"");
    String prefix = stringPrefix(start);
    boolean raw = prefix.contains("r");
    boolean formatted = prefix.contains("f") || prefix.contains("t");
    List<PyExpr> pieces = new ArrayList<>();
    for (PyNode child : node.children()) {
      if (child.is("string_content")) {
        String content = raw ? child.text() : StringEscapes.unescape(child.text());
        if (formatted) {
          content = content.replace("{{", "{").replace("}}", "}");
        }
        pieces.add(new PyExpr.Str(content));
      } else if (child.is("interpolation")) {
        pieces.add(
            child.child("expression").map(e -> expr(e, depth)).orElse(new PyExpr.Other(List.of())));
      }
    }
    return joined(pieces);
  }

  /** Adjacent string pieces joined; a plain {@link PyExpr.Str} when nothing is interpolated. */
  private static PyExpr joined(List<PyExpr> pieces) {
    List<PyExpr> merged = new ArrayList<>();
    StringBuilder text = null;
    for (PyExpr piece : pieces) {
      if (piece instanceof PyExpr.Str s) {
        text = text == null ? new StringBuilder() : text;
        text.append(s.value());
      } else {
        if (text != null) {
          merged.add(new PyExpr.Str(text.toString()));
          text = null;
        }
        merged.add(piece);
      }
    }
    if (text != null) {
      merged.add(new PyExpr.Str(text.toString()));
    }
    if (merged.isEmpty()) {
      return new PyExpr.Str("");
    }
    if (merged.size() == 1 && merged.get(0) instanceof PyExpr.Str only) {
      return only;
    }
    return new PyExpr.FStr(merged);
  }
}
