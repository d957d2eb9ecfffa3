package dev.blastradius.lang.ts;

import java.util.ArrayList;
import java.util.List;

/** Turns argument expressions into {@link JsValue}s, to a bounded depth and size. */
final class ValueReader {

  private static final int MAX_DEPTH = 12;
  private static final int MAX_ENTRIES = 200;

  private final TsSource source;
  private final TsStrings strings;

  ValueReader(TsSource source, TsStrings strings) {
    this.source = source;
    this.strings = strings;
  }

  JsValue read(TsNode node) {
    return read(node, 0);
  }

  private JsValue read(TsNode node, int depth) {
    if (!TsSource.present(node)) {
      return new JsValue.Other("");
    }
    if (depth > MAX_DEPTH) {
      return new JsValue.Other("…");
    }
    TsNode value = TsSource.unwrap(node);
    if (!TsSource.present(value)) {
      return new JsValue.Other(source.text(node));
    }
    return switch (value.getType()) {
      case "string", "template_string", "binary_expression" ->
          strings
              .evaluate(value)
              .<JsValue>map(JsValue.Str::new)
              .orElseGet(() -> new JsValue.Other(source.text(value)));
      case "true" -> new JsValue.Bool(true);
      case "false" -> new JsValue.Bool(false);
      case "identifier", "shorthand_property_identifier" -> identifier(source.text(value), depth);
      case "this" -> new JsValue.Ident("this");
      case "member_expression" -> member(value, depth);
      case "call_expression" -> call(value, depth);
      case "object" -> object(value, depth);
      case "array" -> array(value, depth);
      case "arrow_function", "function_expression", "function" -> function(value, depth);
      default -> new JsValue.Other(source.text(value));
    };
  }

  /**
   * A name: the object or array literal a {@code const} of this file binds it to ({@code const
   * where = { id }; findMany({ where })}), else the name itself.
   */
  private JsValue identifier(String name, int depth) {
    TsNode bound = strings.boundValue(name);
    TsNode literal = bound == null ? null : TsSource.unwrap(bound);
    String type = TsSource.type(literal);
    if ((type.equals("object") || type.equals("array")) && depth < MAX_DEPTH / 2) {
      return read(literal, depth + 2);
    }
    return new JsValue.Ident(name);
  }

  private JsValue member(TsNode node, int depth) {
    TsNode property = TsSource.field(node, "property");
    return new JsValue.Member(
        read(TsSource.field(node, "object"), depth + 1),
        property == null ? "" : source.text(property));
  }

  private JsValue call(TsNode node, int depth) {
    TsNode arguments = TsSource.field(node, "arguments");
    List<JsValue> args = new ArrayList<>();
    if (TsSource.type(arguments).equals("template_string")) {
      return template(TsSource.field(node, "function"), arguments, depth);
    } else if (arguments != null) {
      for (TsNode argument : TsSource.named(arguments)) {
        if (args.size() < MAX_ENTRIES) {
          args.add(read(argument, depth + 1));
        }
      }
    }
    return new JsValue.Call(read(TsSource.field(node, "function"), depth + 1), args);
  }

  /** A tagged template: its literal parts and the values of its substitutions. */
  private JsValue template(TsNode tag, TsNode template, int depth) {
    List<String> literals = new ArrayList<>();
    List<JsValue> substitutions = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    for (TsNode child : TsSource.named(template)) {
      switch (child.getType()) {
        case "string_fragment" -> literal.append(source.text(child));
        case "escape_sequence" -> literal.append(TsSource.unescape(source.text(child)));
        case "template_substitution" -> {
          literals.add(literal.toString());
          literal.setLength(0);
          List<TsNode> inner = TsSource.named(child);
          substitutions.add(
              inner.size() == 1 ? read(inner.get(0), depth + 1) : new JsValue.Other(""));
        }
        default -> {}
      }
    }
    literals.add(literal.toString());
    return new JsValue.Template(read(tag, depth + 1), literals, substitutions);
  }

  private JsValue object(TsNode node, int depth) {
    List<JsValue.Entry> entries = new ArrayList<>();
    for (TsNode entry : TsSource.named(node)) {
      if (entries.size() >= MAX_ENTRIES) {
        break;
      }
      switch (entry.getType()) {
        case "pair" -> {
          String key = source.keyName(TsSource.field(entry, "key")).orElse(null);
          entries.add(new JsValue.Entry(key, read(TsSource.field(entry, "value"), depth + 1)));
        }
        case "shorthand_property_identifier" ->
            entries.add(
                new JsValue.Entry(source.text(entry), identifier(source.text(entry), depth + 1)));
        case "method_definition" -> {
          String key = source.keyName(TsSource.field(entry, "name")).orElse(null);
          entries.add(new JsValue.Entry(key, new JsValue.Fn(List.of(), null)));
        }
        default -> entries.add(new JsValue.Entry(null, new JsValue.Other(source.text(entry))));
      }
    }
    return new JsValue.Obj(entries);
  }

  private JsValue array(TsNode node, int depth) {
    List<JsValue> items = new ArrayList<>();
    for (TsNode item : TsSource.named(node)) {
      if (items.size() < MAX_ENTRIES) {
        items.add(read(item, depth + 1));
      }
    }
    return new JsValue.Arr(items);
  }

  private JsValue function(TsNode node, int depth) {
    List<String> params = new ArrayList<>();
    TsNode parameters = TsSource.field(node, "parameters");
    TsNode single = TsSource.field(node, "parameter");
    if (single != null) {
      params.add(source.text(single));
    } else if (parameters != null) {
      for (TsNode parameter : TsSource.named(parameters)) {
        TsNode pattern = TsSource.field(parameter, "pattern");
        params.add(source.text(pattern == null ? parameter : pattern));
      }
    }
    TsNode body = TsSource.field(node, "body");
    JsValue expression =
        body == null || body.getType().equals("statement_block") ? null : read(body, depth + 1);
    return new JsValue.Fn(params, expression);
  }
}
