package dev.blastradius.lang.java.jpa;

import dev.blastradius.graph.AccessKind;
import dev.blastradius.schema.ColumnRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Our small JPQL/HQL reader: finds the range variables ({@code FROM User u}, {@code JOIN u.orders
 * o}), then resolves every path ({@code u.address.city}, {@code o.customer.email}) to the column it
 * names through embeddables and associations. Selecting a whole entity ({@code select u}) reads
 * every mapped column; {@code update … set} writes; {@code delete} writes the table.
 */
public final class JpqlReader {

  /** A column a query uses. */
  public record Use(ColumnRef column, AccessKind kind, boolean implicit) {}

  /** What a query uses, and what it names that the model does not know. */
  public record Result(List<Use> uses, List<String> unknown) {}

  private static final Set<String> CLAUSE_ENDS =
      Set.of(
          "WHERE", "GROUP", "ORDER", "HAVING", "SET", "JOIN", "INNER", "LEFT", "RIGHT", "OUTER",
          "FETCH", "ON", "WITH", "UNION");

  private record Token(String text, boolean word) {
    boolean is(String keyword) {
      return word && text.equalsIgnoreCase(keyword);
    }
  }

  private final Function<String, Optional<EntityMapping>> entities;
  private final List<Token> tokens;
  private final Map<String, EntityMapping> aliases = new HashMap<>();
  private final List<Use> uses = new ArrayList<>();
  private final List<String> unknown = new ArrayList<>();

  private JpqlReader(String jpql, Function<String, Optional<EntityMapping>> entities) {
    this.entities = entities;
    this.tokens = tokenize(jpql);
  }

  /**
   * Reads {@code jpql}; {@code entities} finds an entity's mapping by its JPQL name (or class
   * name).
   */
  public static Result read(String jpql, Function<String, Optional<EntityMapping>> entities) {
    JpqlReader reader = new JpqlReader(jpql, entities);
    reader.run();
    return new Result(List.copyOf(reader.uses), List.copyOf(reader.unknown));
  }

  private void run() {
    declareRanges();
    boolean update = !tokens.isEmpty() && tokens.get(0).is("UPDATE");
    boolean delete = !tokens.isEmpty() && tokens.get(0).is("DELETE");
    if (delete) {
      aliases.values().stream()
          .distinct()
          .forEach(e -> use(e.table().column(ColumnRef.TABLE_LEVEL), AccessKind.WRITE, false));
    }
    int setStart = update ? indexOf("SET", 0) : -1;
    int setEnd = update ? indexOf("WHERE", Math.max(0, setStart)) : -1;
    boolean inSelect = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.is("SELECT")) {
        inSelect = true;
        continue;
      }
      if (token.is("FROM")) {
        inSelect = false;
      }
      if (!token.word) {
        continue;
      }
      boolean assignment = update && i > setStart && (setEnd < 0 || i < setEnd) && isAssigned(i);
      if (i + 2 < tokens.size()
          && tokens.get(i + 1).text.equals(".")
          && aliases.containsKey(token.text)) {
        int end = i;
        StringBuilder path = new StringBuilder();
        while (end + 2 < tokens.size()
            && tokens.get(end + 1).text.equals(".")
            && tokens.get(end + 2).word) {
          path.append(path.length() == 0 ? "" : ".").append(tokens.get(end + 2).text);
          end += 2;
        }
        if (!isRangeDeclaration(i)) {
          resolvePath(
              aliases.get(token.text),
              path.toString(),
              assignment ? AccessKind.WRITE : AccessKind.READ);
        }
        i = end;
      } else if (inSelect && aliases.containsKey(token.text) && !followedByDot(i)) {
        // select u / count(u): the whole entity.
        boolean count = i >= 2 && tokens.get(i - 2).is("COUNT");
        EntityMapping entity = aliases.get(token.text);
        if (count) {
          use(entity.table().column(ColumnRef.TABLE_LEVEL), AccessKind.READ, false);
        } else {
          entity.allColumns().forEach(c -> use(c, AccessKind.READ, true));
        }
      } else if (update && aliases.containsKey("") && !followedByDot(i) && i > setStart) {
        // update User set email = :e — attributes without an alias.
        resolvePath(aliases.get(""), token.text, assignment ? AccessKind.WRITE : AccessKind.READ);
      }
    }
  }

  /** Records range variables: {@code Entity [as] alias} after FROM/UPDATE/comma, and joins. */
  private void declareRanges() {
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      boolean entityRange =
          token.is("FROM") || token.is("UPDATE") || (token.text.equals(",") && inFromClause(i));
      if (entityRange && i + 1 < tokens.size() && tokens.get(i + 1).word) {
        String entityName = tokens.get(i + 1).text;
        Optional<EntityMapping> entity = entities.apply(entityName);
        if (entity.isEmpty()) {
          unknown.add(entityName);
          continue;
        }
        String alias = aliasAt(i + 2);
        aliases.put(alias == null ? "" : alias, entity.get());
        if (alias == null) {
          aliases.put(entityName, entity.get());
        }
      }
      if (token.is("JOIN") && i + 1 < tokens.size()) {
        int start = tokens.get(i + 1).is("FETCH") ? i + 2 : i + 1;
        boolean fetch = start == i + 2;
        if (start + 2 < tokens.size()
            && aliases.containsKey(tokens.get(start).text)
            && tokens.get(start + 1).text.equals(".")) {
          EntityMapping from = aliases.get(tokens.get(start).text);
          String association = tokens.get(start + 2).text;
          Optional<EntityMapping> target =
              Optional.ofNullable(from.associations().get(association)).flatMap(entities);
          from.column(association).ifPresent(c -> use(c, AccessKind.READ, false));
          String alias = aliasAt(start + 3);
          if (target.isPresent()) {
            if (alias != null) {
              aliases.put(alias, target.get());
            }
            if (fetch) {
              target.get().allColumns().forEach(c -> use(c, AccessKind.READ, true));
            }
          }
        }
      }
    }
  }

  /** Resolves {@code a.b.c} from an entity, following associations and embedded attributes. */
  private void resolvePath(EntityMapping entity, String path, AccessKind kind) {
    EntityMapping current = entity;
    String remaining = path;
    for (int depth = 0; depth < 8; depth++) {
      Optional<ColumnRef> direct = current.column(remaining);
      if (direct.isPresent()) {
        use(direct.get(), kind, false);
        return;
      }
      int dot = remaining.indexOf('.');
      String head = dot < 0 ? remaining : remaining.substring(0, dot);
      String associated = current.associations().get(head);
      if (associated == null || dot < 0) {
        if (associated == null) {
          // A whole embeddable reads every column under it; anything else is unknown.
          String prefix = remaining + ".";
          List<ColumnRef> embedded =
              current.columns().entrySet().stream()
                  .filter(e -> e.getKey().startsWith(prefix))
                  .map(Map.Entry::getValue)
                  .toList();
          if (embedded.isEmpty()) {
            unknown.add(current.entityName() + "." + remaining);
          }
          embedded.forEach(c -> use(c, kind, true));
        }
        return;
      }
      current.column(head).ifPresent(c -> use(c, AccessKind.READ, false));
      Optional<EntityMapping> next = entities.apply(associated);
      if (next.isEmpty()) {
        return;
      }
      current = next.get();
      remaining = remaining.substring(dot + 1);
    }
  }

  private void use(ColumnRef column, AccessKind kind, boolean implicit) {
    uses.add(new Use(column, kind, implicit));
  }

  private String aliasAt(int index) {
    int i = index;
    if (i < tokens.size() && tokens.get(i).is("AS")) {
      i++;
    }
    if (i < tokens.size()
        && tokens.get(i).word
        && !CLAUSE_ENDS.contains(tokens.get(i).text.toUpperCase(Locale.ROOT))) {
      return tokens.get(i).text;
    }
    return null;
  }

  private boolean isRangeDeclaration(int aliasIndex) {
    return aliasIndex > 0
        && (tokens.get(aliasIndex - 1).is("JOIN") || tokens.get(aliasIndex - 1).is("FETCH"));
  }

  private boolean isAssigned(int index) {
    int end = index;
    while (end + 2 < tokens.size() && tokens.get(end + 1).text.equals(".")) {
      end += 2;
    }
    return end + 1 < tokens.size()
        && tokens.get(end + 1).text.equals("=")
        && (index == 0
            || tokens.get(index - 1).is("SET")
            || tokens.get(index - 1).text.equals(","));
  }

  private boolean followedByDot(int index) {
    return index + 1 < tokens.size() && tokens.get(index + 1).text.equals(".");
  }

  private boolean inFromClause(int index) {
    for (int i = index - 1; i >= 0; i--) {
      if (tokens.get(i).is("FROM")) {
        return true;
      }
      if (tokens.get(i).is("SELECT")
          || tokens.get(i).is("WHERE")
          || tokens.get(i).text.equals("(")) {
        return false;
      }
    }
    return false;
  }

  private int indexOf(String keyword, int from) {
    for (int i = from; i < tokens.size(); i++) {
      if (tokens.get(i).is(keyword)) {
        return i;
      }
    }
    return -1;
  }

  /** Words (identifiers and keywords), string literals, parameters and single punctuation. */
  private static List<Token> tokenize(String jpql) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < jpql.length()) {
      char c = jpql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'') {
        int end = i + 1;
        while (end < jpql.length()
            && !(jpql.charAt(end) == '\''
                && (end + 1 >= jpql.length() || jpql.charAt(end + 1) != '\''))) {
          end += jpql.charAt(end) == '\'' ? 2 : 1;
        }
        tokens.add(new Token(jpql.substring(i, Math.min(jpql.length(), end + 1)), false));
        i = end + 1;
      } else if (Character.isJavaIdentifierStart(c)) {
        int end = i + 1;
        while (end < jpql.length() && Character.isJavaIdentifierPart(jpql.charAt(end))) {
          end++;
        }
        tokens.add(new Token(jpql.substring(i, end), true));
        i = end;
      } else if ((c == ':' || c == '?')
          && i + 1 < jpql.length()
          && Character.isJavaIdentifierPart(jpql.charAt(i + 1))) {
        int end = i + 1;
        while (end < jpql.length() && Character.isJavaIdentifierPart(jpql.charAt(end))) {
          end++;
        }
        tokens.add(new Token(jpql.substring(i, end), false));
        i = end;
      } else {
        tokens.add(new Token(String.valueOf(c), false));
        i++;
      }
    }
    return tokens;
  }
}
