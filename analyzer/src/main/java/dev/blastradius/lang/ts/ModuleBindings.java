package dev.blastradius.lang.ts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the bindings of one file into its {@link TsModule}: ES imports and exports (default, named,
 * namespace, re-exports), CommonJS {@code require} and {@code module.exports}, string constants,
 * declared and constructed types of variables and class members, and calls by name.
 */
final class ModuleBindings {

  /** A class and its byte span, for {@code Class.method} names and {@code this}. */
  record ClassSpan(String name, int start, int end) {}

  private final TsSource source;
  private final TsModule module;
  private final TsStrings strings;
  private final UnitNames names;
  private final List<ClassSpan> classes;
  private final Map<String, TsNode> moduleConstants = new LinkedHashMap<>();

  ModuleBindings(
      TsSource source,
      TsModule module,
      TsStrings strings,
      UnitNames names,
      UnitSpans units,
      List<ClassSpan> classes) {
    this.source = source;
    this.module = module;
    this.strings = strings;
    this.names = names;
    this.classes = classes;
  }

  /**
   * Whether {@code node} has an anonymous child token {@code token} ({@code type}, {@code
   * default}).
   */
  static boolean hasToken(TsNode node, String token) {
    int count = node.getChildCount();
    for (int i = 0; i < count; i++) {
      TsNode child = node.getChild(i);
      if (!child.isNamed() && child.getType().equals(token)) {
        return true;
      }
    }
    return false;
  }

  void importStatement(TsNode node) {
    Optional<String> specifier = specifier(TsSource.field(node, "source"));
    if (specifier.isEmpty()) {
      return;
    }
    String spec = specifier.get();
    module.specifiers.add(spec);
    TsNode clause = TsSource.child(node, "import_clause");
    if (clause == null || hasToken(node, "type")) {
      return; // a side-effect import, or types only
    }
    for (TsNode part : TsSource.named(clause)) {
      switch (part.getType()) {
        case "identifier" -> bind(source.text(part), spec, "default");
        case "namespace_import" -> {
          TsNode name = TsSource.child(part, "identifier");
          if (name != null) {
            bind(source.text(name), spec, "*");
          }
        }
        case "named_imports" -> {
          for (TsNode specifierNode : TsSource.named(part)) {
            if (!specifierNode.getType().equals("import_specifier")
                || hasToken(specifierNode, "type")) {
              continue;
            }
            String name = source.text(TsSource.field(specifierNode, "name"));
            TsNode alias = TsSource.field(specifierNode, "alias");
            bind(alias == null ? name : source.text(alias), spec, name);
          }
        }
        default -> {}
      }
    }
  }

  private void bind(String local, String specifier, String imported) {
    module.imports.add(new TsModule.Import(local, specifier, imported));
    strings.imported(local);
  }

  private Optional<String> specifier(TsNode node) {
    return node == null ? Optional.empty() : source.stringValue(node);
  }

  void exportStatement(TsNode node) {
    boolean isDefault = hasToken(node, "default");
    Optional<String> from = specifier(TsSource.field(node, "source"));
    TsNode clause = TsSource.child(node, "export_clause");
    if (from.isPresent()) {
      String spec = from.get();
      module.specifiers.add(spec);
      TsNode namespace = TsSource.child(node, "namespace_export");
      if (clause != null) {
        for (TsNode each : TsSource.named(clause)) {
          String name = source.text(TsSource.field(each, "name"));
          TsNode alias = TsSource.field(each, "alias");
          module.reExports.add(
              new TsModule.ReExport(spec, name, alias == null ? name : source.text(alias)));
        }
      } else if (namespace != null) {
        TsNode name = TsSource.named(namespace).stream().findFirst().orElse(null);
        module.reExports.add(
            new TsModule.ReExport(spec, "*", name == null ? null : source.text(name)));
      } else {
        module.reExports.add(new TsModule.ReExport(spec, "*", null));
      }
      return;
    }
    TsNode declaration = TsSource.field(node, "declaration");
    if (declaration != null) {
      for (String name : declaredNames(declaration)) {
        module.exports.put(isDefault ? "default" : name, name);
      }
      return;
    }
    TsNode value = TsSource.unwrap(TsSource.field(node, "value"));
    if (isDefault && value != null) {
      module.exports.put(
          "default", value.getType().equals("identifier") ? source.text(value) : "default");
    }
    if (clause != null) {
      for (TsNode each : TsSource.named(clause)) {
        String name = source.text(TsSource.field(each, "name"));
        TsNode alias = TsSource.field(each, "alias");
        module.exports.put(alias == null ? name : source.text(alias), name);
      }
    }
  }

  private List<String> declaredNames(TsNode declaration) {
    List<String> found = new ArrayList<>();
    switch (declaration.getType()) {
      case "lexical_declaration", "variable_declaration" -> {
        for (TsNode declarator : TsSource.named(declaration)) {
          TsNode name = TsSource.field(declarator, "name");
          if (TsSource.type(name).equals("identifier")) {
            found.add(source.text(name));
          }
        }
      }
      default -> {
        TsNode name = TsSource.field(declaration, "name");
        if (name != null) {
          found.add(source.text(name));
        }
      }
    }
    return found;
  }

  void declarator(TsNode node, boolean moduleLevel) {
    TsNode name = TsSource.field(node, "name");
    TsNode value = TsSource.field(node, "value");
    if (name == null || value == null) {
      return;
    }
    if (requireBinding(name, TsSource.unwrap(value))) {
      return;
    }
    if (!name.getType().equals("identifier")) {
      return;
    }
    String local = source.text(name);
    strings.constant(local, value);
    if (moduleLevel) {
      moduleConstants.putIfAbsent(local, value);
    }
    String type = constructed(TsSource.unwrap(value));
    if (type == null) {
      type = annotated(TsSource.field(node, "type"));
    }
    if (type != null) {
      module.types.putIfAbsent(local, type);
    }
  }

  /**
   * {@code const x = require('m')}, {@code const { a, b: c } = require('m')}, {@code const y =
   * require('m').y} and the same with {@code await import('m')}: imports.
   */
  private boolean requireBinding(TsNode name, TsNode value) {
    String member = null;
    TsNode call = value;
    if (TsSource.type(value).equals("member_expression")) {
      TsNode property = TsSource.field(value, "property");
      member = property == null ? null : source.text(property);
      call = TsSource.unwrap(TsSource.field(value, "object"));
    }
    if (!TsSource.type(call).equals("call_expression")) {
      return false;
    }
    TsNode function = TsSource.field(call, "function");
    boolean loads =
        function != null
            && (function.getType().equals("import") || source.text(function).equals("require"));
    TsNode arguments = TsSource.field(call, "arguments");
    if (!loads || arguments == null) {
      return false;
    }
    Optional<String> spec =
        TsSource.named(arguments).stream().findFirst().flatMap(source::stringValue);
    if (spec.isEmpty()) {
      return false;
    }
    module.specifiers.add(spec.get());
    if (name.getType().equals("identifier")) {
      bind(source.text(name), spec.get(), member == null ? "*" : member);
    } else if (name.getType().equals("object_pattern")) {
      for (TsNode entry : TsSource.named(name)) {
        switch (entry.getType()) {
          case "shorthand_property_identifier_pattern" ->
              bind(source.text(entry), spec.get(), source.text(entry));
          case "pair_pattern" -> {
            TsNode key = TsSource.field(entry, "key");
            TsNode target = TsSource.field(entry, "value");
            if (key != null && TsSource.type(target).equals("identifier")) {
              bind(source.text(target), spec.get(), source.keyName(key).orElse(""));
            }
          }
          default -> {}
        }
      }
    }
    return true;
  }

  /** CommonJS exports: {@code module.exports = …}, {@code exports.a = …}. */
  void assignment(TsNode node, boolean moduleLevel) {
    if (!moduleLevel) {
      return;
    }
    String target = names.assigned(TsSource.field(node, "left"));
    TsNode right = TsSource.unwrap(TsSource.field(node, "right"));
    if (target == null || right == null) {
      return;
    }
    if (target.equals("default")) {
      switch (right.getType()) {
        case "identifier" -> module.exports.put("default", source.text(right));
        case "object" -> {
          module.exports.put("default", "default");
          for (TsNode entry : TsSource.named(right)) {
            objectExport(entry);
          }
        }
        default -> module.exports.put("default", "default");
      }
    } else if (target.startsWith("exports.")) {
      String key = target.substring("exports.".length());
      module.exports.put(key, right.getType().equals("identifier") ? source.text(right) : target);
      moduleConstants.putIfAbsent(target, right);
    }
  }

  /** One entry of {@code module.exports = { … }}. */
  private void objectExport(TsNode entry) {
    switch (entry.getType()) {
      case "shorthand_property_identifier" ->
          module.exports.put(source.text(entry), source.text(entry));
      case "pair" -> {
        String key = source.keyName(TsSource.field(entry, "key")).orElse(null);
        TsNode value = TsSource.unwrap(TsSource.field(entry, "value"));
        if (key != null && value != null) {
          module.exports.put(
              key, value.getType().equals("identifier") ? source.text(value) : "default." + key);
          moduleConstants.putIfAbsent("default." + key, value);
        }
      }
      case "method_definition" ->
          source
              .keyName(TsSource.field(entry, "name"))
              .ifPresent(k -> module.exports.put(k, "default." + k));
      default -> {}
    }
  }

  /** A class field: {@code private repo: Repository<User>} or {@code = new X()}. */
  void field(TsNode node) {
    TsNode name = TsSource.field(node, "name");
    String owner = classAt(node.getStartByte());
    if (name == null || owner == null) {
      return;
    }
    String type = annotated(TsSource.field(node, "type"));
    if (type == null) {
      type = constructed(TsSource.unwrap(TsSource.field(node, "value")));
    }
    if (type != null) {
      module.types.putIfAbsent(owner + "." + source.text(name), type);
    }
  }

  /**
   * Constructor parameter properties: {@code constructor(private readonly users: UsersService)}.
   */
  void function(TsNode node) {
    if (!node.getType().equals("method_definition")) {
      return;
    }
    TsNode name = TsSource.field(node, "name");
    TsNode parameters = TsSource.field(node, "parameters");
    String owner = classAt(node.getStartByte());
    if (name == null || parameters == null || owner == null) {
      return;
    }
    if (!source.text(name).equals("constructor")) {
      return;
    }
    for (TsNode parameter : TsSource.named(parameters)) {
      TsNode pattern = TsSource.field(parameter, "pattern");
      String type = annotated(TsSource.field(parameter, "type"));
      if (TsSource.type(pattern).equals("identifier") && type != null) {
        module.types.putIfAbsent(owner + "." + source.text(pattern), type);
      }
    }
  }

  /** The type text of a type annotation ({@code : Repository<User>}), or null. */
  private String annotated(TsNode annotation) {
    if (!TsSource.type(annotation).equals("type_annotation")) {
      return null;
    }
    List<TsNode> children = TsSource.named(annotation);
    return children.isEmpty() ? null : source.text(children.get(0));
  }

  /** {@code X} of {@code new X(…)}, or null. */
  private String constructed(TsNode value) {
    if (!TsSource.type(value).equals("new_expression")) {
      return null;
    }
    TsNode constructor = TsSource.field(value, "constructor");
    return TsSource.type(constructor).equals("identifier") ? source.text(constructor) : null;
  }

  /** The innermost class holding {@code offset}, or null. */
  String classAt(int offset) {
    ClassSpan best = null;
    for (ClassSpan span : classes) {
      if (offset >= span.start() && offset < span.end()) {
        if (best == null || span.start() >= best.start()) {
          best = span;
        }
      }
    }
    return best == null ? null : best.name();
  }

  /** A call by name, and the functions it passes on as callbacks. */
  void call(TsNode node, String callerId, String ownerClass, java.util.Set<Integer> claimed) {
    if (node.getType().equals("new_expression")) {
      TsNode constructor = TsSource.field(node, "constructor");
      if (TsSource.type(constructor).equals("identifier")) {
        module.calls.add(
            new TsModule.Call(callerId, List.of("new", source.text(constructor)), ownerClass));
      }
    } else {
      TsNode function = TsSource.field(node, "function");
      String type = TsSource.type(function);
      if (type.equals("import")
          || (type.equals("identifier") && source.text(function).equals("require"))) {
        specifierArgument(node);
        return;
      }
      target(function, callerId, ownerClass);
    }
    TsNode arguments = TsSource.field(node, "arguments");
    if (arguments != null && arguments.getType().equals("arguments")) {
      for (TsNode argument : TsSource.named(arguments)) {
        String type = argument.getType();
        if ((type.equals("identifier") || type.equals("member_expression"))
            && !claimed.contains(argument.getStartByte())) {
          target(argument, callerId, ownerClass);
        }
      }
    }
  }

  /**
   * The last name of a call's callee ({@code constructEvent} of {@code
   * stripe.webhooks.constructEvent(…)}).
   */
  String calleeName(TsNode node) {
    TsNode callee =
        TsSource.field(node, node.getType().equals("new_expression") ? "constructor" : "function");
    callee = TsSource.unwrap(callee);
    return switch (TsSource.type(callee)) {
      case "identifier" -> source.text(callee);
      case "member_expression" -> {
        TsNode property = TsSource.field(callee, "property");
        yield property == null ? null : source.text(property);
      }
      default -> null;
    };
  }

  /** A function named in JSX ({@code <form action={createUser}>}, {@code onClick={save}}). */
  void reference(TsNode node, String callerId, String ownerClass) {
    target(node, callerId, ownerClass);
  }

  private void target(TsNode node, String callerId, String ownerClass) {
    String dotted = names.dotted(node, 4);
    if (dotted != null) {
      module.calls.add(new TsModule.Call(callerId, List.of(dotted.split("\\.")), ownerClass));
    }
  }

  /** {@code require('./x')} or {@code import('./x')} outside a declaration. */
  private void specifierArgument(TsNode call) {
    TsNode arguments = TsSource.field(call, "arguments");
    if (arguments != null) {
      TsSource.named(arguments).stream()
          .findFirst()
          .flatMap(source::stringValue)
          .ifPresent(module.specifiers::add);
    }
  }

  /** Exported string constants (and members of exported constant objects) for other modules. */
  void exportedConstants() {
    for (String local : module.exports.values()) {
      TsNode value = moduleConstants.get(local);
      if (value == null) {
        continue;
      }
      TsNode inner = TsSource.unwrap(value);
      if (TsSource.type(inner).equals("object")) {
        for (TsNode entry : TsSource.named(inner)) {
          if (!entry.getType().equals("pair")) {
            continue;
          }
          Optional<String> key = source.keyName(TsSource.field(entry, "key"));
          if (key.isPresent()) {
            strings
                .evaluate(TsSource.field(entry, "value"))
                .ifPresent(v -> module.constants.put(local + "." + key.get(), v));
          }
        }
      } else {
        strings.evaluate(value).ifPresent(v -> module.constants.put(local, v));
      }
    }
  }
}
