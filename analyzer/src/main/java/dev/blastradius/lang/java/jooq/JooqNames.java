package dev.blastradius.lang.java.jooq;

import dev.blastradius.lang.java.StringTemplate;
import dev.blastradius.schema.SqlDialect;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names jOOQ's table and field references: from the generated classes when they are in the scan,
 * otherwise from jOOQ's naming convention read backwards ({@code USERS.EMAIL} is {@code
 * users.email}, a class {@code UserAccounts} is {@code user_accounts}). Every name derived from the
 * convention is remembered, so the query's accesses can say they are only likely.
 */
final class JooqNames {

  /** A table as SQL names it: {@code audit.events e}, and how its columns are qualified. */
  record NamedTable(StringTemplate sql, String qualifier, JooqUses.TableDecl decl) {}

  private final Map<String, JooqUses.TableDecl> byConstant = new HashMap<>();
  private final Map<String, JooqUses.TableDecl> byClass = new HashMap<>();
  private final Map<String, String> schemas = new HashMap<>();
  private final String defaultSchema;
  private final SqlDialect dialect;
  private boolean derived;

  JooqNames(List<JooqUses> uses, String defaultSchema, SqlDialect dialect) {
    this.defaultSchema = defaultSchema;
    this.dialect = dialect;
    for (JooqUses file : uses) {
      for (JooqUses.TableDecl table : file.tables) {
        if (table.constant() != null) {
          byConstant.putIfAbsent(table.constant(), table);
        }
        byClass.putIfAbsent(table.className(), table);
      }
      file.schemas.forEach(schemas::putIfAbsent);
    }
  }

  /** True when some generated table class is in the scan. */
  boolean hasGeneratedTables() {
    return !byClass.isEmpty();
  }

  /** The generated table classes that name their table, by class name. */
  List<JooqUses.TableDecl> generatedTables() {
    return byClass.values().stream()
        .filter(t -> t.name() != null)
        .sorted(java.util.Comparator.comparing(JooqUses.TableDecl::className))
        .toList();
  }

  /** The schema a generated table's class puts it in, or null for the default one. */
  String schemaOf(JooqUses.TableDecl table) {
    return table.schemaClass() == null ? null : schemas.get(table.schemaClass());
  }

  /** True when a generated table class declares the constant. */
  boolean isGenerated(String constant) {
    return byConstant.containsKey(constant);
  }

  /** Forgets whether names were derived, before rendering the next query. */
  void reset() {
    derived = false;
  }

  /** True when a name since {@link #reset} came from the convention, not a generated class. */
  boolean derived() {
    return derived;
  }

  /** The table a reference names. */
  NamedTable table(JooqExpr.Table table) {
    if (table.plain() != null) {
      String text = table.plain().complete() ? table.plain().text() : null;
      String qualifier = table.alias() != null ? table.alias() : text == null ? null : last(text);
      StringTemplate sql =
          table.alias() == null
              ? table.plain()
              : table.plain().plus(StringTemplate.literal(" " + quote(table.alias())));
      return new NamedTable(sql, qualifier, null);
    }
    JooqUses.TableDecl decl = decl(table);
    String name;
    String schema = null;
    if (decl != null && decl.name() != null) {
      name = decl.name();
      schema = decl.schemaClass() == null ? null : schemas.get(decl.schemaClass());
    } else {
      derived = true;
      name =
          table.constant() != null
              ? table.constant().toLowerCase(Locale.ROOT)
              : snake(table.className() != null ? table.className() : table.path());
    }
    String qualified =
        schema == null || schema.equals(defaultSchema)
            ? quote(name)
            : quote(schema) + "." + quote(name);
    String sql = table.alias() == null ? qualified : qualified + " " + quote(table.alias());
    String qualifier = table.alias() != null ? table.alias() : name;
    return new NamedTable(StringTemplate.literal(sql), qualifier, decl);
  }

  /** The generated class of a reference: by constant, by type, or through a path. */
  private JooqUses.TableDecl decl(JooqExpr.Table table) {
    if (table.path() != null) {
      JooqUses.TableDecl parent = decl(table.parent());
      String className = parent == null ? null : parent.paths().get(table.path());
      return className == null ? null : byClass.get(className);
    }
    if (table.constant() != null && byConstant.containsKey(table.constant())) {
      return byConstant.get(table.constant());
    }
    return table.className() == null ? null : byClass.get(table.className());
  }

  /** The column a field constant names in a table. */
  String column(NamedTable table, String constant) {
    if (table.decl() != null && table.decl().fields().containsKey(constant)) {
      return quote(table.decl().fields().get(constant));
    }
    if (table.decl() != null) {
      // A record setter (setEmailAddress → EMAIL_ADDRESS) is named after the column, not the
      // field constant, which a generator strategy may have renamed.
      Optional<String> byColumn =
          table.decl().fields().values().stream()
              .filter(c -> JooqRecords.upperSnake(c).equals(constant))
              .findFirst();
      if (byColumn.isPresent()) {
        return quote(byColumn.get());
      }
    }
    derived = true;
    return quote(constant.toLowerCase(Locale.ROOT));
  }

  /** A qualified column reference: {@code u.email}. */
  StringTemplate field(JooqExpr.Field field) {
    NamedTable table = table(field.table());
    String column = column(table, field.constant());
    return StringTemplate.literal(
        table.qualifier() == null ? column : quote(table.qualifier()) + "." + column);
  }

  /** Quotes a name SQL would otherwise fold or misread. */
  String quote(String name) {
    if (name.matches("[a-z_][a-z0-9_$]*")) {
      return name;
    }
    String mark = dialect == SqlDialect.MYSQL ? "`" : "\"";
    return mark + name.replace(mark, mark + mark) + mark;
  }

  private static String last(String dotted) {
    return dotted.substring(dotted.lastIndexOf('.') + 1);
  }

  /** {@code UserAccounts} → {@code user_accounts}. */
  private static String snake(String className) {
    StringBuilder result = new StringBuilder();
    for (int i = 0; i < className.length(); i++) {
      char c = className.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        result.append('_');
      }
      result.append(Character.toLowerCase(c));
    }
    return result.toString();
  }
}
