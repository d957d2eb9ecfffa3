package dev.blastradius.lang.ts.typeorm;

import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.lang.ts.JsValue;
import dev.blastradius.schema.ColumnRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A TypeORM query-builder chain: {@code createQueryBuilder('u')} (or {@code .from(User, 'u')})
 * selects the whole entity unless {@code select} replaces it; {@code select}/{@code addSelect} name
 * {@code alias.property}; joins follow relations ({@code leftJoinAndSelect('u.orders', 'o')}) and
 * read their join column; the condition and ordering strings are SQL fragments over aliases, read
 * with {@link #references}; {@code update(User).set({…})}, {@code insert().into(User) .values({…})}
 * and {@code delete().from(User)} write. A fragment that is not a constant string is a possible
 * read of the main entity's table, never dropped.
 */
final class TypeOrmBuilder {

  private final TypeOrmUses uses;
  private final Map<String, TypeOrmModel> aliases = new LinkedHashMap<>();
  private final Map<String, Boolean> selectedWhole = new LinkedHashMap<>();
  private TypeOrmModel main;
  private TypeOrmModel written;
  private boolean insert;

  TypeOrmBuilder(TypeOrmUses uses) {
    this.uses = uses;
  }

  void query(TypeOrmModel repository, List<TypeOrmCall.Step> steps) {
    main = repository;
    boolean selectReplaced = false;
    boolean writes = false;
    for (TypeOrmCall.Step step : steps) {
      JsValue first = step.arg(0);
      switch (step.name()) {
        case "createQueryBuilder" -> {
          if (repository != null && first != null) {
            first.string().ifPresent(a -> alias(a, repository, true));
          } else if (first instanceof JsValue.Ident entity) {
            uses.model(entity.name())
                .ifPresent(
                    m -> {
                      main = m;
                      Optional.ofNullable(step.arg(1))
                          .flatMap(JsValue::string)
                          .ifPresent(a -> alias(a, m, true));
                    });
          }
        }
        case "from", "into", "update" -> {
          if (first instanceof JsValue.Ident entity) {
            Optional<TypeOrmModel> model = uses.model(entity.name());
            if (model.isPresent()) {
              main = model.get();
              Optional.ofNullable(step.arg(1))
                  .flatMap(JsValue::string)
                  .ifPresent(a -> alias(a, model.get(), !step.name().equals("update")));
              if (!step.name().equals("from") || writes) {
                written = model.get();
              }
            }
          }
          if (step.name().equals("from") && writes && main != null) {
            written = main;
          }
          if (step.name().equals("update")) {
            writes = true;
            written = written == null ? main : written;
          }
        }
        case "insert" -> {
          writes = true;
          insert = true;
        }
        case "delete", "softDelete", "restore" -> {
          writes = true;
          written = main;
          if (step.name().equals("delete")) {
            markDelete(step.name());
          }
          pendingSoft = !step.name().equals("delete");
        }
        case "select" -> {
          selectReplaced = true;
          selectedWhole.replaceAll((k, v) -> false);
          selection(first);
        }
        case "addSelect" -> selection(first);
        case "leftJoinAndSelect", "innerJoinAndSelect", "leftJoin", "innerJoin" ->
            join(step, step.name().endsWith("AndSelect"));
        case "where",
            "andWhere",
            "orWhere",
            "having",
            "andHaving",
            "orHaving",
            "groupBy",
            "addGroupBy",
            "orderBy",
            "addOrderBy" ->
            condition(first);
        case "set" -> {
          if (written != null) {
            keys(written, first, false);
          }
        }
        case "values" -> {
          if (written != null) {
            keys(written, first, insert);
          }
        }
        default -> {}
      }
    }
    if (pendingSoft && written != null) {
      Optional<ColumnRef> deleted = written.special(TypeOrmEntity.Kind.DELETE_DATE);
      if (deleted.isPresent()) {
        uses.use(deleted.get(), AccessKind.WRITE, false, false);
      } else {
        uses.tableLevel(written, AccessKind.WRITE);
      }
    } else if (deleting && written != null) {
      uses.tableLevel(written, AccessKind.WRITE);
    }
    if (!writes) {
      selectedWhole.forEach(
          (alias, whole) -> {
            if (whole) {
              uses.every(aliases.get(alias), AccessKind.READ);
            }
          });
      if (selectReplaced) {
        aliases.values().stream()
            .distinct()
            .forEach(m -> m.primary().forEach(c -> uses.use(c, AccessKind.READ, true, false)));
      }
    }
  }

  private boolean pendingSoft;
  private boolean deleting;

  private void markDelete(String name) {
    deleting = name.equals("delete");
  }

  private void alias(String alias, TypeOrmModel model, boolean selected) {
    aliases.put(alias, model);
    selectedWhole.put(alias, selected);
  }

  /**
   * {@code select('u')}, {@code select(['u.email', 'o.total'])}, {@code addSelect('COUNT(o.id)')}.
   */
  private void selection(JsValue value) {
    List<JsValue> items =
        value instanceof JsValue.Arr array ? array.items() : java.util.Arrays.asList(value);
    for (JsValue item : items) {
      if (item == null) {
        continue;
      }
      Optional<String> text = item.string();
      if (text.isPresent() && aliases.containsKey(text.get().strip())) {
        selectedWhole.put(text.get().strip(), true);
      } else {
        condition(item);
      }
    }
  }

  /** {@code leftJoinAndSelect('u.orders', 'o', condition?)} or {@code leftJoin(Order, 'o', …)}. */
  private void join(TypeOrmCall.Step step, boolean select) {
    JsValue target = step.arg(0);
    Optional<String> alias = Optional.ofNullable(step.arg(1)).flatMap(JsValue::string);
    Optional<String> path = target == null ? Optional.empty() : target.string();
    TypeOrmModel joined = null;
    if (path.isPresent()) {
      String[] parts = path.get().split("\\.", 2);
      TypeOrmModel owner = aliases.get(parts[0]);
      if (owner != null && parts.length == 2) {
        Optional<TypeOrmModel.Relation> relation = owner.relation(parts[1]);
        owner.column(parts[1]).ifPresent(c -> uses.use(c, AccessKind.READ, false, false));
        joined = relation.flatMap(uses::target).orElse(null);
        if (joined != null && relation.get().joinColumn() == null) {
          joined
              .joinColumnTo(owner.className)
              .ifPresent(c -> uses.use(c, AccessKind.READ, false, false));
        }
      } else {
        condition(target);
      }
    } else if (target instanceof JsValue.Ident entity) {
      joined = uses.model(entity.name()).orElse(null);
    }
    if (joined != null && alias.isPresent()) {
      alias(alias.get(), joined, select);
    }
    if (step.arg(2) != null) {
      condition(step.arg(2));
    }
  }

  /** The keys of a {@code set}/{@code values} object (or array of them) are written. */
  private void keys(TypeOrmModel model, JsValue value, boolean inserts) {
    List<JsValue> rows =
        value instanceof JsValue.Arr array ? array.items() : java.util.Arrays.asList(value);
    boolean known = false;
    for (JsValue row : rows) {
      if (row instanceof JsValue.Obj object && !object.hasSpread()) {
        for (JsValue.Entry entry : object.entries()) {
          Optional<ColumnRef> column = model.column(entry.key());
          if (column.isPresent()) {
            uses.use(column.get(), AccessKind.WRITE, false, inserts);
            known = true;
          }
        }
      }
    }
    if (!known) {
      uses.tableLevel(model, AccessKind.WRITE);
    }
  }

  /**
   * A condition, ordering or selection: a constant fragment is read for {@code alias.property}
   * references; an object ({@code where({ email })}) names the main entity's properties; anything
   * else is a possible read of the main entity's table.
   */
  private void condition(JsValue value) {
    if (value == null) {
      return;
    }
    if (value instanceof JsValue.Obj object) {
      boolean fragments =
          object.entries().stream().anyMatch(e -> e.key() != null && e.key().contains("."));
      if (fragments) {
        object.entries().forEach(e -> fragment(e.key()));
      } else if (main != null) {
        uses.where(main, object, 0);
      }
      return;
    }
    Optional<String> text = value.string();
    if (text.isPresent()) {
      fragment(text.get());
    } else if (value instanceof JsValue.Fn || value instanceof JsValue.Call) {
      possible(); // new Brackets(qb => …) and sub-queries: not followed
    } else {
      possible();
    }
  }

  private void fragment(String text) {
    if (text == null) {
      return;
    }
    for (List<String> reference : references(text)) {
      if (reference.size() == 1) {
        // update(User).where('id = :id'): without aliases, names are the main entity's.
        if (aliases.isEmpty() && main != null) {
          main.column(reference.get(0)).ifPresent(c -> uses.use(c, AccessKind.READ, false, false));
        }
        continue;
      }
      TypeOrmModel model = aliases.get(reference.get(0));
      if (model == null) {
        continue;
      }
      String property = String.join(".", reference.subList(1, reference.size()));
      Optional<ColumnRef> column = model.column(property);
      if (column.isPresent()) {
        uses.use(column.get(), AccessKind.READ, false, false);
      } else if (reference.size() == 2) {
        // TypeORM also accepts the database name after the alias.
        model.columns().stream()
            .filter(c -> c.column().equalsIgnoreCase(reference.get(1)))
            .findFirst()
            .ifPresent(c -> uses.use(c, AccessKind.READ, false, false));
      }
    }
  }

  private void possible() {
    if (main != null) {
      uses.use(
          main.table.column(ColumnRef.TABLE_LEVEL),
          AccessKind.READ,
          Confidence.POSSIBLE,
          false,
          false);
    }
  }

  /**
   * The dotted references of a SQL fragment ({@code u.email = :e AND o.total > 0} → {@code [u,
   * email]}, {@code [o, total]}): a small tokenizer that skips string literals and {@code :name} /
   * {@code :...name} parameters and unquotes {@code "u"."email"}.
   */
  static List<List<String>> references(String text) {
    List<List<String>> found = new ArrayList<>();
    List<String> current = new ArrayList<>();
    boolean afterDot = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        i = end < 0 ? text.length() : end + 1;
        flush(current, found);
        afterDot = false;
      } else if (c == ':' && i + 1 < text.length() && text.charAt(i + 1) != ':') {
        i++;
        while (i < text.length() && (text.charAt(i) == '.' || isWord(text.charAt(i)))) {
          i++;
        }
        flush(current, found);
        afterDot = false;
      } else if (c == ':') {
        i += 2; // a ::cast
        flush(current, found);
        afterDot = false;
      } else if (isWord(c) || c == '"' || c == '`') {
        int start = i;
        String word;
        if (c == '"' || c == '`') {
          int end = text.indexOf(c, i + 1);
          end = end < 0 ? text.length() : end;
          word = text.substring(i + 1, end);
          i = Math.min(text.length(), end + 1);
        } else {
          while (i < text.length() && isWord(text.charAt(i))) {
            i++;
          }
          word = text.substring(start, i);
        }
        if (!afterDot) {
          flush(current, found);
        }
        current.add(word);
        afterDot = false;
      } else if (c == '.') {
        afterDot = !current.isEmpty();
        i++;
      } else {
        flush(current, found);
        afterDot = false;
        i++;
      }
    }
    flush(current, found);
    return found;
  }

  private static void flush(List<String> current, List<List<String>> found) {
    if (!current.isEmpty()) {
      found.add(List.copyOf(current));
    }
    current.clear();
  }

  private static boolean isWord(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
