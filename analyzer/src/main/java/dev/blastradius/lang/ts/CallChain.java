package dev.blastradius.lang.ts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A call read as the chain it ends: {@code supabase.from('users').select('id').eq('id', 1)} is root
 * {@code supabase} with links {@code from(…)}, {@code select(…)}, {@code eq(…)}; {@code
 * knex('users').where(…)} is root {@code knex} with a direct call link and {@code where(…)}; {@code
 * prisma.user.findMany({…})} has a property link {@code user}. Parentheses, {@code await} and type
 * assertions between links are looked through.
 *
 * @param root the expression the chain starts from (an identifier, {@code this}, a {@code new}, …)
 * @param rootText its source text
 * @param links the links in source order
 */
public record CallChain(TsNode root, String rootText, List<Link> links) {

  /**
   * One link.
   *
   * @param name the property name; null for a direct call of what precedes ({@code knex('t')})
   * @param arguments the argument nodes when the link is a call, else null
   * @param template the template literal when the link is a tagged-template call, else null
   * @param node the call or member expression that ends with this link
   */
  public record Link(String name, List<TsNode> arguments, TsNode template, TsNode node) {

    /** Whether the link calls something. */
    public boolean isCall() {
      return arguments != null;
    }

    /** The first argument, or null. */
    public TsNode first() {
      return arguments == null || arguments.isEmpty() ? null : arguments.get(0);
    }

    /** The argument at {@code index}, or null. */
    public TsNode argument(int index) {
      return arguments == null || arguments.size() <= index ? null : arguments.get(index);
    }
  }

  public CallChain {
    links = List.copyOf(links);
  }

  /** Reads the chain that {@code node} (a call or member expression) ends. */
  public static CallChain of(TsNode node, TsSource source) {
    List<Link> reversed = new ArrayList<>();
    TsNode current = TsSource.unwrap(node);
    while (TsSource.present(current)) {
      String type = current.getType();
      if (type.equals("call_expression")) {
        TsNode function = TsSource.field(current, "function");
        TsNode arguments = TsSource.field(current, "arguments");
        boolean tagged = TsSource.type(arguments).equals("template_string");
        List<TsNode> args = tagged || arguments == null ? List.of() : TsSource.named(arguments);
        TsNode template = tagged ? arguments : null;
        TsNode callee = TsSource.unwrap(function);
        if (TsSource.type(callee).equals("member_expression")) {
          TsNode property = TsSource.field(callee, "property");
          reversed.add(
              new Link(property == null ? "" : source.text(property), args, template, current));
          current = TsSource.unwrap(TsSource.field(callee, "object"));
        } else {
          reversed.add(new Link(null, args, template, current));
          current = callee;
        }
      } else if (type.equals("member_expression")) {
        TsNode property = TsSource.field(current, "property");
        reversed.add(new Link(property == null ? "" : source.text(property), null, null, current));
        current = TsSource.unwrap(TsSource.field(current, "object"));
      } else if (type.equals("subscript_expression")) {
        TsNode index = TsSource.field(current, "index");
        String name = index == null ? "" : source.stringValue(index).orElse("");
        reversed.add(new Link(name, null, null, current));
        current = TsSource.unwrap(TsSource.field(current, "object"));
      } else {
        break;
      }
    }
    Collections.reverse(reversed);
    String rootText = TsSource.present(current) ? source.text(current) : "";
    return new CallChain(current, rootText, reversed);
  }

  /** The index of the first link named {@code name}, or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < links.size(); i++) {
      if (name.equals(links.get(i).name())) {
        return i;
      }
    }
    return -1;
  }

  /** The last link, or null for a bare root. */
  public Link last() {
    return links.isEmpty() ? null : links.get(links.size() - 1);
  }

  /** The names of the links, direct calls as {@code ()}. */
  public List<String> names() {
    List<String> names = new ArrayList<>(links.size());
    for (Link link : links) {
      names.add(link.name() == null ? "()" : link.name());
    }
    return names;
  }
}
