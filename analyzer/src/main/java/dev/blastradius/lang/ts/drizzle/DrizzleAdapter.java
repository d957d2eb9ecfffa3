package dev.blastradius.lang.ts.drizzle;

import dev.blastradius.lang.ts.CallChain;
import dev.blastradius.lang.ts.JsValue;
import dev.blastradius.lang.ts.TsAdapter;
import dev.blastradius.lang.ts.TsCall;
import dev.blastradius.lang.ts.TsModule;
import dev.blastradius.lang.ts.TsNode;
import dev.blastradius.lang.ts.TsSite;
import dev.blastradius.lang.ts.TsSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Drizzle ORM: table declarations ({@code export const users = pgTable('users', {…})}), {@code
 * relations(…)}, and queries — {@code db.select({…}).from(t).where(…)} with joins, {@code
 * db.insert(t).values({…})}, {@code db.update(t).set({…})}, {@code db.delete(t)}, {@code
 * .returning()}, conflict clauses, {@code db.$count}, the relational {@code db.query.t.findMany({
 * columns, with, where })} and {@code db.execute(sql`…`)}. Tables are usually declared in another
 * file, so queries are finished at link time ({@link DrizzleQuery}).
 */
public final class DrizzleAdapter implements TsAdapter {

  private static final Set<String> STARTS =
      Set.of(
          "select", "selectDistinct", "selectDistinctOn", "insert", "update", "delete", "$count");

  private static final Set<String> RAW = Set.of("execute", "run", "all", "get", "values");

  @Override
  public void call(TsCall call, TsSite site) {
    if (call.isNew()) {
      return;
    }
    CallChain chain = call.chain();
    List<CallChain.Link> links = chain.links();
    if (links.isEmpty()) {
      return;
    }
    String root = chain.rootText();
    CallChain.Link lastLink = links.get(links.size() - 1);
    if ((DrizzleTable.DECLARERS.contains(root) && links.size() == 1)
        || ("table".equals(lastLink.name()) && lastLink.isCall())) {
      declaration(call, chain, site);
      return;
    }
    if (root.equals("relations") && links.size() == 1) {
      relations(call, chain, site);
      return;
    }
    if (!call.chainHead()) {
      return;
    }
    boolean query = false;
    boolean raw = false;
    for (int i = 0; i < links.size(); i++) {
      CallChain.Link link = links.get(i);
      String name = link.name() == null ? "()" : link.name();
      if (STARTS.contains(name) && link.isCall()) {
        query = true;
      }
      if ("query".equals(name) && !link.isCall() && i + 2 < links.size()) {
        query = true;
      }
      if (RAW.contains(name) && link.isCall() && drizzleSql(link.first(), site)) {
        raw = true;
      }
    }
    if (!query && !raw) {
      return; // names alone rule it out: the arguments are not read (most calls)
    }
    List<DrizzleQuery.Step> steps = new ArrayList<>();
    for (CallChain.Link link : links) {
      String name = link.name() == null ? "()" : link.name();
      List<JsValue> args = new ArrayList<>();
      if (link.isCall()) {
        link.arguments().forEach(a -> args.add(site.value(a)));
      }
      steps.add(new DrizzleQuery.Step(name, link.isCall(), args));
    }
    if ((query && startsQuery(steps)) || raw) {
      site.module()
          .pending
          .add(
              new DrizzleQuery(
                  call.unitId(), site.site(call.node()), site.snippet(call.node()), steps));
    }
  }

  /** A query starts with a builder method whose table argument is a name, not a string. */
  private static boolean startsQuery(List<DrizzleQuery.Step> steps) {
    for (int i = 0; i < steps.size(); i++) {
      DrizzleQuery.Step step = steps.get(i);
      if (step.name().equals("query") && i + 2 < steps.size()) {
        return true;
      }
      if (step.name().equals("from")
          || step.name().equals("insert")
          || step.name().equals("update")
          || step.name().equals("delete")
          || step.name().equals("$count")) {
        return !step.args().isEmpty() && step.args().get(0).dotted().isPresent();
      }
    }
    return false;
  }

  /** Whether a node is a {@code sql`…`} template of Drizzle's (imported from drizzle-orm). */
  public static boolean drizzleSql(TsNode node, TsSite site) {
    TsNode inner = node == null ? null : TsSource.unwrap(node);
    if (!TsSource.type(inner).equals("call_expression")) {
      return false;
    }
    TsNode arguments = TsSource.field(inner, "arguments");
    TsNode function = TsSource.field(inner, "function");
    if (!TsSource.type(arguments).equals("template_string") || function == null) {
      return false;
    }
    String tag = site.source().text(function);
    TsModule.Import imported = site.importOf(tag);
    return imported != null && imported.specifier().startsWith("drizzle-orm");
  }

  private static void declaration(TsCall call, CallChain chain, TsSite site) {
    String binding = bindingName(call.node(), site);
    CallChain.Link last = chain.last();
    if (binding == null || !last.isCall()) {
      return;
    }
    String schema = null;
    if (last.name() != null && last.name().equals("table")) {
      // pgSchema('auth').table(...), or a const bound to pgSchema('auth')
      schema = schemaName(chain, site).orElse(null);
      if (schema == null) {
        return;
      }
    }
    List<JsValue> args = new ArrayList<>();
    last.arguments().forEach(a -> args.add(site.value(a)));
    String tableSchema = schema;
    DrizzleTable.read(args, tableSchema)
        .ifPresent(
            t -> {
              site.module().drizzleTables.put(binding, t);
              site.module().touchesDatabase = true;
            });
  }

  private static Optional<String> schemaName(CallChain chain, TsSite site) {
    List<CallChain.Link> links = chain.links();
    if (chain.rootText().equals("pgSchema") || chain.rootText().equals("mysqlSchema")) {
      return site.value(links.get(0).first()).string();
    }
    TsNode bound = site.strings().boundValue(chain.rootText());
    if (bound == null) {
      return Optional.empty();
    }
    JsValue value = site.value(bound);
    if (value instanceof JsValue.Call schemaCall
        && schemaCall.callee() instanceof JsValue.Ident ident
        && (ident.name().equals("pgSchema") || ident.name().equals("mysqlSchema"))
        && !schemaCall.args().isEmpty()) {
      return schemaCall.args().get(0).string();
    }
    return Optional.empty();
  }

  /** {@code relations(users, ({ many }) => ({ posts: many(posts) }))}. */
  private static void relations(TsCall call, CallChain chain, TsSite site) {
    CallChain.Link link = chain.links().get(0);
    if (link.arguments().size() < 2) {
      return;
    }
    Optional<String> table = site.value(link.first()).dotted();
    JsValue config = site.value(link.argument(1));
    if (table.isEmpty()
        || !(config instanceof JsValue.Fn fn)
        || !(fn.body() instanceof JsValue.Obj body)) {
      return;
    }
    Map<String, String> targets = new java.util.LinkedHashMap<>();
    for (JsValue.Entry entry : body.entries()) {
      if (entry.key() != null
          && entry.value() instanceof JsValue.Call relation
          && !relation.args().isEmpty()) {
        relation.args().get(0).dotted().ifPresent(t -> targets.put(entry.key(), t));
      }
    }
    site.module().drizzleRelations.put(table.get(), targets);
  }

  /** The name a call's value is bound to ({@code export const users = pgTable(…)}), or null. */
  private static String bindingName(TsNode call, TsSite site) {
    TsNode parent = call.getParent();
    while (TsSource.present(parent)
        && (parent.getType().equals("call_expression")
            || parent.getType().equals("member_expression"))) {
      parent = parent.getParent(); // pgTable(…).enableRLS()
    }
    if (!TsSource.type(parent).equals("variable_declarator")) {
      return null;
    }
    TsNode name = TsSource.field(parent, "name");
    return TsSource.type(name).equals("identifier") ? site.source().text(name) : null;
  }
}
