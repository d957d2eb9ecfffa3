package dev.blastradius.lang.ts.knex;

import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.ts.CallChain;
import dev.blastradius.lang.ts.DataUses;
import dev.blastradius.lang.ts.DbNames;
import dev.blastradius.lang.ts.JsValue;
import dev.blastradius.lang.ts.SqlText;
import dev.blastradius.lang.ts.TsAdapter;
import dev.blastradius.lang.ts.TsCall;
import dev.blastradius.lang.ts.TsModule;
import dev.blastradius.lang.ts.TsNode;
import dev.blastradius.lang.ts.TsSite;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Knex query builder chains: {@code knex('users').select('a').where('b', x)}, {@code
 * knex.select('a').from('users as u').join('posts', 'u.id', 'posts.user_id')}, {@code
 * insert/update/increment/decrement/del}, {@code returning}, {@code onConflict().merge()},
 * aggregates, and {@code knex.raw('…')} (SQL, {@code via knex}). A chain that selects nothing
 * explicitly reads every column. Knex schema migrations are read by {@link KnexLayout}.
 */
public final class KnexAdapter implements TsAdapter {

  /** Names Knex instances usually have. */
  private static final Set<String> KNEX_NAMES = Set.of("knex", "db", "trx", "tx", "database", "pg");

  private static final Set<String> READ_COLUMNS =
      Set.of("select", "column", "columns", "distinct", "pluck", "first", "groupBy", "distinctOn");

  private static final Set<String> AGGREGATES =
      Set.of("count", "countDistinct", "sum", "sumDistinct", "avg", "avgDistinct", "min", "max");

  private static final Set<String> WHERES =
      Set.of(
          "where",
          "andWhere",
          "orWhere",
          "whereNot",
          "orWhereNot",
          "whereIn",
          "whereNotIn",
          "orWhereIn",
          "orWhereNotIn",
          "whereNull",
          "whereNotNull",
          "orWhereNull",
          "orWhereNotNull",
          "whereBetween",
          "whereNotBetween",
          "whereLike",
          "whereILike",
          "having",
          "orderBy",
          "onConflict");

  private static final Set<String> JOINS =
      Set.of(
          "join",
          "innerJoin",
          "leftJoin",
          "leftOuterJoin",
          "rightJoin",
          "rightOuterJoin",
          "fullOuterJoin",
          "crossJoin");

  /** Methods only a query builder has: their presence makes a call of a name a Knex query. */
  private static final Set<String> BUILDER =
      Set.of(
          "select",
          "where",
          "whereIn",
          "insert",
          "update",
          "del",
          "delete",
          "first",
          "pluck",
          "increment",
          "decrement",
          "returning",
          "orderBy",
          "join",
          "leftJoin",
          "innerJoin",
          "count",
          "andWhere",
          "orWhere",
          "whereNull",
          "whereNotNull",
          "onConflict",
          "truncate");

  /** A file that imports Knex makes the client: its importers are parsed even without SQL words. */
  @Override
  public void module(TsSite site) {
    if (site.importsFrom("knex")) {
      site.module().touchesDatabase = true;
    }
  }

  @Override
  public void call(TsCall call, TsSite site) {
    if (!call.chainHead() || call.isNew()) {
      return;
    }
    CallChain chain = call.chain();
    List<CallChain.Link> links = chain.links();
    if (links.isEmpty()) {
      return;
    }
    String root = chain.rootText();
    if (root.equals("require") || root.equals("import")) {
      return; // require('knex'), import('knex'): a module, not a table
    }
    boolean knexInScope = site.importsFrom("knex") || KNEX_NAMES.contains(root);
    CallChain.Link first = links.get(0);
    if (knexInScope && "raw".equals(first.name()) && links.size() <= 2) {
      raw(call, first, site);
      return;
    }
    Optional<String> table = Optional.empty();
    if (first.name() == null && first.isCall()) {
      table = text(first.first(), site);
      boolean builder =
          links.stream().skip(1).anyMatch(l -> l.name() != null && BUILDER.contains(l.name()));
      boolean imported = fromProject(site.importOf(root));
      if (table.isEmpty() || !(knexInScope || (builder && imported))) {
        return;
      }
    } else if (knexInScope && !"schema".equals(first.name()) && notSupabase(chain, root, site)) {
      for (CallChain.Link link : links) {
        if (link.name() != null && Set.of("from", "table", "into").contains(link.name())) {
          table = text(link.first(), site);
        }
      }
    }
    if (table.isEmpty()) {
      return;
    }
    new Query(call, site, table.get()).read(links);
  }

  /**
   * Whether a binding comes from the project's own code ({@code ./db}, {@code @/lib/db}), where a
   * Knex instance is usually made, rather than from a package such as jQuery.
   */
  private static boolean fromProject(TsModule.Import binding) {
    if (binding == null || binding.specifier() == null) {
      return false;
    }
    String from = binding.specifier();
    return from.startsWith(".")
        || from.startsWith("@/")
        || from.startsWith("~/")
        || from.startsWith("#")
        || from.equals("knex");
  }

  /**
   * Whether a {@code from} chain is Knex's rather than Supabase's ({@code db.from('t').select()} is
   * Supabase's unless the file imports Knex): it selects before {@code from}, or its root or
   * imports say Knex.
   */
  private static boolean notSupabase(CallChain chain, String root, TsSite site) {
    int from = chain.indexOf("from");
    if (from < 0) {
      return true;
    }
    List<String> before = chain.names().subList(0, from);
    if (before.contains("select") || before.contains("table") || before.contains("storage")) {
      return !before.contains("storage");
    }
    return root.equals("knex")
        || root.equals("trx")
        || (site.importsFrom("knex") && !root.toLowerCase(Locale.ROOT).contains("supabase"));
  }

  private static void raw(TsCall call, CallChain.Link link, TsSite site) {
    if (link.first() == null) {
      return;
    }
    Optional<SqlText> sql = site.strings().evaluate(link.first());
    if (sql.isPresent() && (sql.get().looksLikeSql() || sql.get().hasRefs())) {
      site.sql(call.unitId(), sql.get(), Via.KNEX, Confidence.CERTAIN, call.node());
    }
  }

  static Optional<String> text(TsNode node, TsSite site) {
    return node == null
        ? Optional.empty()
        : site.strings().evaluate(node).flatMap(SqlText::constant);
  }

  /** The accesses of one chain. */
  private static final class Query {
    private final TsCall call;
    private final TsSite site;
    private final DbNames names;
    private final Map<String, TableRef> aliases = new HashMap<>();
    private final TableRef table;
    private final DataUses uses = new DataUses();

    Query(TsCall call, TsSite site, String tableText) {
      this.call = call;
      this.site = site;
      this.names = site.names();
      this.table = tableAndAlias(tableText);
    }

    private TableRef tableAndAlias(String text) {
      String[] parts = text.strip().split("\\s+(?i:as)\\s+|\\s+");
      String name = parts[0];
      int dot = name.lastIndexOf('.');
      TableRef ref =
          dot > 0
              ? names.table(name.substring(0, dot), name.substring(dot + 1))
              : names.table(null, name);
      aliases.put(dot > 0 ? name.substring(dot + 1) : name, ref);
      if (parts.length > 1) {
        aliases.put(parts[parts.length - 1], ref);
      }
      return ref;
    }

    void read(List<CallChain.Link> links) {
      boolean explicitRead = false;
      boolean write = false;
      for (CallChain.Link link : links) {
        String name = link.name() == null ? "" : link.name();
        if (JOINS.contains(name) && link.first() != null) {
          text(link.first(), site).ifPresent(this::tableAndAlias);
        }
      }
      for (CallChain.Link link : links) {
        String name = link.name() == null ? "" : link.name();
        if (READ_COLUMNS.contains(name) || AGGREGATES.contains(name)) {
          boolean any = columnArguments(link, AccessKind.READ);
          explicitRead |= any || AGGREGATES.contains(name);
          if (AGGREGATES.contains(name) && !any) {
            use(table.column(ColumnRef.TABLE_LEVEL), AccessKind.READ, false);
          }
        } else if (WHERES.contains(name)) {
          whereArguments(link);
        } else if (JOINS.contains(name)) {
          link.arguments().stream()
              .skip(1)
              .forEach(a -> text(a, site).ifPresent(c -> column(c, AccessKind.READ)));
        } else if (name.equals("returning")) {
          columnArguments(link, AccessKind.READ);
        } else if (name.equals("insert") || name.equals("update") || name.equals("merge")) {
          write = true;
          written(link);
        } else if (name.equals("increment") || name.equals("decrement")) {
          write = true;
          written(link);
        } else if (name.equals("del") || name.equals("delete") || name.equals("truncate")) {
          write = true;
          use(table.column(ColumnRef.TABLE_LEVEL), AccessKind.WRITE, false);
        }
      }
      if (!explicitRead && !write) {
        everyColumn();
      }
      if (!uses.all().isEmpty()) {
        site.module().touchesDatabase = true;
        uses.record(
            site.facts(),
            call.unitId(),
            Via.KNEX,
            site.site(call.node()),
            site.snippet(call.node()));
      }
    }

    /** String arguments (or arrays of them) naming columns; true when any did. */
    private boolean columnArguments(CallChain.Link link, AccessKind kind) {
      boolean any = false;
      for (TsNode argument : link.arguments()) {
        JsValue value = site.value(argument);
        List<JsValue> items = value instanceof JsValue.Arr array ? array.items() : List.of(value);
        for (JsValue item : items) {
          if (item instanceof JsValue.Obj object) {
            // { alias: 'column' }
            for (JsValue.Entry entry : object.entries()) {
              entry.value().string().ifPresent(c -> column(c, kind));
            }
            any = true;
          } else if (item.string().isPresent()) {
            column(item.string().get(), kind);
            any = true;
          }
        }
      }
      return any;
    }

    private void whereArguments(CallChain.Link link) {
      JsValue value = link.first() == null ? null : site.value(link.first());
      if (value instanceof JsValue.Obj object) {
        object
            .entries()
            .forEach(
                e -> {
                  if (e.key() != null) {
                    column(e.key(), AccessKind.READ);
                  }
                });
      } else if (value instanceof JsValue.Arr || (value != null && value.string().isPresent())) {
        columnArguments(
            new CallChain.Link(link.name(), List.of(link.first()), null, link.node()),
            AccessKind.READ);
      }
    }

    private void written(CallChain.Link link) {
      JsValue value = link.first() == null ? null : site.resolvedValue(link.first());
      List<JsValue> rows =
          value instanceof JsValue.Arr array ? array.items() : java.util.Arrays.asList(value);
      boolean known = false;
      for (JsValue row : rows) {
        if (row instanceof JsValue.Obj object) {
          for (JsValue.Entry entry : object.entries()) {
            if (entry.key() != null) {
              column(entry.key(), AccessKind.WRITE, link.name().equals("insert"));
              known = true;
            }
          }
        } else if (row != null && row.string().isPresent() && !link.name().equals("insert")) {
          // update('col', value), increment('col', 1)
          column(row.string().get(), AccessKind.WRITE);
          known = true;
        }
      }
      if (!known && !(link.name().equals("merge") && link.arguments().isEmpty())) {
        use(table.column(ColumnRef.TABLE_LEVEL), AccessKind.WRITE, false);
      }
    }

    /**
     * A column name as Knex takes it: {@code col}, {@code t.col}, {@code col as alias}, {@code *}.
     */
    private void column(String text, AccessKind kind) {
      column(text, kind, false);
    }

    private void column(String text, AccessKind kind, boolean inserts) {
      String name = text.strip().split("\\s+(?i:as)\\s+|\\s+")[0];
      TableRef of = table;
      int dot = name.lastIndexOf('.');
      if (dot > 0) {
        of =
            aliases.getOrDefault(name.substring(0, dot), names.table(null, name.substring(0, dot)));
        name = name.substring(dot + 1);
      }
      if (name.equals("*")) {
        List<ColumnRef> columns = names.columns(of);
        if (columns.isEmpty()) {
          use(of.column(ColumnRef.TABLE_LEVEL), kind, false);
        }
        columns.forEach(c -> use(c, kind, true));
        return;
      }
      if (!name.isEmpty() && !name.toLowerCase(Locale.ROOT).contains("(")) {
        uses.add(names.column(of, name), kind, false, inserts);
      }
    }

    private void everyColumn() {
      List<ColumnRef> columns = names.columns(table);
      if (columns.isEmpty()) {
        use(table.column(ColumnRef.TABLE_LEVEL), AccessKind.READ, false);
      }
      columns.forEach(c -> use(c, AccessKind.READ, true));
    }

    private void use(ColumnRef column, AccessKind kind, boolean implicit) {
      uses.add(column, kind, implicit);
    }
  }
}
