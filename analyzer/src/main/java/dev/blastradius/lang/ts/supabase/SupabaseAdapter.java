package dev.blastradius.lang.ts.supabase;

import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.ts.CallChain;
import dev.blastradius.lang.ts.DataUses;
import dev.blastradius.lang.ts.DbNames;
import dev.blastradius.lang.ts.JsValue;
import dev.blastradius.lang.ts.TsAdapter;
import dev.blastradius.lang.ts.TsCall;
import dev.blastradius.lang.ts.TsNode;
import dev.blastradius.lang.ts.TsSite;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Supabase ({@code @supabase/supabase-js}) query chains: {@code .from('t')} with {@code select}
 * (the select language, embedded resources, aliases, {@code !inner}), {@code insert/update/upsert}
 * (the object keys are written), {@code delete}, filters ({@code eq}, {@code in}, {@code is},
 * {@code match}, {@code or('a.eq.1,b.is.null')}, …), {@code order}, and {@code .select()} after a
 * write (returned columns); {@code .rpc('fn')} calls the database function, whose accesses the SQL
 * frontend knows. {@code storage.from('bucket')} is not a table; chains that look like Knex's
 * ({@code knex.select().from('t')}) are left to the Knex adapter.
 */
public final class SupabaseAdapter implements TsAdapter {

  private static final Set<String> OPERATIONS =
      Set.of("select", "insert", "update", "upsert", "delete");

  /** Filters and modifiers whose first argument is a column. */
  private static final Set<String> COLUMN_FILTERS =
      Set.of(
          "eq",
          "neq",
          "gt",
          "gte",
          "lt",
          "lte",
          "like",
          "likeAllOf",
          "likeAnyOf",
          "ilike",
          "ilikeAllOf",
          "ilikeAnyOf",
          "is",
          "in",
          "contains",
          "containedBy",
          "rangeGt",
          "rangeGte",
          "rangeLt",
          "rangeLte",
          "rangeAdjacent",
          "overlaps",
          "textSearch",
          "filter",
          "not",
          "order");

  @Override
  public void call(TsCall call, TsSite site) {
    if (!call.chainHead() || call.isNew()) {
      return;
    }
    CallChain chain = call.chain();
    int rpc = chain.indexOf("rpc");
    if (rpc >= 0) {
      rpc(call, chain.links().get(rpc), site);
      return;
    }
    int from = chain.indexOf("from");
    if (from < 0 || from + 1 >= chain.links().size() || !looksLikeSupabase(chain, from, site)) {
      return;
    }
    Optional<String> table = constant(chain.links().get(from).first(), site);
    String operation = chain.links().get(from + 1).name();
    if (table.isEmpty() || operation == null || !OPERATIONS.contains(operation)) {
      return;
    }
    String schema = schema(chain, from, site);
    new Statement(call, site, site.names().table(schema, table.get()))
        .read(chain.links().subList(from + 1, chain.links().size()));
  }

  /** Not {@code storage.from}, not a Knex chain. */
  private static boolean looksLikeSupabase(CallChain chain, int from, TsSite site) {
    List<String> before = chain.names().subList(0, from);
    if (before.contains("storage") || before.contains("select") || before.contains("table")) {
      return false;
    }
    String root = chain.rootText();
    return !(root.equals("knex") || root.equals("trx"))
        && !(site.importsFrom("knex")
            && !root.toLowerCase(java.util.Locale.ROOT).contains("supabase"));
  }

  private static String schema(CallChain chain, int from, TsSite site) {
    for (int i = 0; i < from; i++) {
      CallChain.Link link = chain.links().get(i);
      if ("schema".equals(link.name())) {
        return constant(link.first(), site).orElse(null);
      }
    }
    return null;
  }

  private static void rpc(TsCall call, CallChain.Link link, TsSite site) {
    constant(link.first(), site).ifPresent(name -> site.routineCall(call.unitId(), name));
  }

  static Optional<String> constant(TsNode node, TsSite site) {
    return node == null
        ? Optional.empty()
        : site.strings().evaluate(node).flatMap(t -> t.constant());
  }

  /** The accesses of one {@code .from(…)} chain, merged by column and kind. */
  private static final class Statement {
    private final TsCall call;
    private final TsSite site;
    private final DbNames names;
    private final TableRef table;
    private final Map<String, TableRef> embedded = new LinkedHashMap<>();
    private final DataUses uses = new DataUses();

    Statement(TsCall call, TsSite site, TableRef table) {
      this.call = call;
      this.site = site;
      this.names = site.names();
      this.table = table;
    }

    void read(List<CallChain.Link> links) {
      // Embeds first: filters may name their columns (.eq('author.name', …)).
      for (CallChain.Link link : links) {
        if ("select".equals(link.name())) {
          select(link);
        }
      }
      for (int i = 0; i < links.size(); i++) {
        CallChain.Link link = links.get(i);
        String name = link.name() == null ? "" : link.name();
        switch (name) {
          case "insert", "upsert" -> {
            written(link.first(), true);
            if (name.equals("upsert")) {
              options(link.argument(1), "onConflict").ifPresent(this::readList);
            }
          }
          case "update" -> written(link.first(), false);
          case "delete" -> use(table.column(ColumnRef.TABLE_LEVEL), AccessKind.WRITE, false);
          case "match" -> {
            if (site.value(link.first()) instanceof JsValue.Obj object) {
              object
                  .entries()
                  .forEach(
                      e -> {
                        if (e.key() != null) {
                          filterColumn(e.key(), null);
                        }
                      });
            }
          }
          case "or" -> orFilter(link);
          default -> {
            if (COLUMN_FILTERS.contains(name)) {
              constant(link.first(), site)
                  .ifPresent(
                      c ->
                          filterColumn(
                              c, referencedTable(link.argument(name.equals("order") ? 1 : 2))));
            }
          }
        }
      }
      if (!uses.all().isEmpty()) {
        site.module().touchesDatabase = true;
        uses.record(
            site.facts(),
            call.unitId(),
            Via.SUPABASE,
            site.site(call.node()),
            site.snippet(call.node()));
      }
    }

    private void select(CallChain.Link link) {
      Optional<String> options = options(link.argument(1), "head");
      if (options.isPresent() && options.get().equals("true")) {
        use(table.column(ColumnRef.TABLE_LEVEL), AccessKind.READ, false);
        return;
      }
      String text = link.first() == null ? "*" : constant(link.first(), site).orElse(null);
      if (text == null) {
        use(table.column(ColumnRef.TABLE_LEVEL), AccessKind.READ, false);
        return;
      }
      selection(table, SupabaseSelect.parse(text));
    }

    private void selection(TableRef of, SupabaseSelect.Selection selection) {
      for (String column : selection.columns()) {
        if (column.equals("*")) {
          everyColumn(of);
        } else {
          use(names.column(of, column), AccessKind.READ, false);
        }
      }
      for (SupabaseSelect.Embed embed : selection.embeds()) {
        TableRef target = embedTable(embed);
        if (target != null) {
          embedded.put(embed.relation(), target);
          if (embed.alias() != null) {
            embedded.put(embed.alias(), target);
          }
          selection(target, embed.selection());
        }
      }
    }

    /** The table an embed reads: its relation, or a hint, when the catalog has it. */
    private TableRef embedTable(SupabaseSelect.Embed embed) {
      TableRef relation = names.table(table.schema(), embed.relation());
      if (names.known(relation) || names.catalogEmpty()) {
        return relation;
      }
      for (String hint : embed.hints()) {
        TableRef hinted = names.table(table.schema(), hint);
        if (names.known(hinted)) {
          return hinted;
        }
      }
      return null;
    }

    private void everyColumn(TableRef of) {
      List<ColumnRef> columns = names.columns(of);
      if (columns.isEmpty()) {
        use(of.column(ColumnRef.TABLE_LEVEL), AccessKind.READ, false);
      }
      columns.forEach(c -> use(c, AccessKind.READ, true));
    }

    /** The keys of an inserted or updated object (or array of objects) are written. */
    private void written(TsNode argument, boolean inserts) {
      JsValue value = argument == null ? null : site.resolvedValue(argument);
      List<JsValue> rows =
          value instanceof JsValue.Arr array ? array.items() : java.util.Arrays.asList(value);
      boolean known = false;
      for (JsValue row : rows) {
        if (row instanceof JsValue.Obj object) {
          for (JsValue.Entry entry : object.entries()) {
            if (entry.key() != null) {
              uses.add(names.column(table, entry.key()), AccessKind.WRITE, false, inserts);
              known = true;
            }
          }
        }
      }
      if (!known) {
        use(table.column(ColumnRef.TABLE_LEVEL), AccessKind.WRITE, false);
      }
    }

    /** A filter column: {@code name}, {@code embed.name}, or a json path. */
    private void filterColumn(String text, String referencedTable) {
      TableRef of =
          referencedTable == null
              ? table
              : embedded.getOrDefault(
                  referencedTable, names.table(table.schema(), referencedTable));
      String column = text;
      int dot = text.indexOf('.');
      if (dot > 0 && embedded.containsKey(text.substring(0, dot))) {
        of = embedded.get(text.substring(0, dot));
        column = text.substring(dot + 1);
      }
      int arrow = column.indexOf("->");
      if (arrow > 0) {
        column = column.substring(0, arrow);
      }
      use(names.column(of, column.strip()), AccessKind.READ, false);
    }

    /** {@code .or('a.eq.1,and(b.gt.2,c.is.null)')}: the column before each operator. */
    private void orFilter(CallChain.Link link) {
      // Values are often spliced in ('id.eq.' + id); the columns are the literal parts.
      Optional<String> text =
          link.first() == null
              ? Optional.empty()
              : site.strings().evaluate(link.first()).map(t -> t.text());
      String referenced = referencedTable(link.argument(1));
      if (text.isEmpty()) {
        return;
      }
      for (String condition : text.get().split("[,()]")) {
        String part = condition.strip();
        if (part.isEmpty() || part.equals("and") || part.equals("or") || part.equals("not")) {
          continue;
        }
        if (part.startsWith("not.")) {
          part = part.substring(4);
        }
        int dot = part.indexOf('.');
        if (dot > 0 && !part.startsWith(HostedSql.DYNAMIC_PART)) {
          filterColumn(part.substring(0, dot), referenced);
        }
      }
    }

    private void readList(String columns) {
      for (String column : columns.split(",")) {
        if (!column.isBlank()) {
          use(names.column(table, column.strip()), AccessKind.READ, false);
        }
      }
    }

    /** {@code { referencedTable: 'x' }} (or the older {@code foreignTable}) of a filter. */
    private String referencedTable(TsNode optionsNode) {
      return options(optionsNode, "referencedTable")
          .or(() -> options(optionsNode, "foreignTable"))
          .orElse(null);
    }

    private Optional<String> options(TsNode node, String key) {
      if (node == null || !(site.value(node) instanceof JsValue.Obj object)) {
        return Optional.empty();
      }
      return object
          .get(key)
          .flatMap(
              v ->
                  v instanceof JsValue.Bool bool
                      ? Optional.of(String.valueOf(bool.value()))
                      : v.string());
    }

    private void use(ColumnRef column, AccessKind kind, boolean implicit) {
      uses.add(column, kind, implicit);
    }
  }
}
