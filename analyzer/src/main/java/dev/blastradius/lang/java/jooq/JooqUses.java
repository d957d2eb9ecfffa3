package dev.blastradius.lang.java.jooq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Java file holds for jOOQ: the generated table and schema classes it declares, and the DSL
 * chains it runs. Kept in the file's link state and rendered by {@link JooqLinker} once every
 * file's generated classes are known.
 */
public final class JooqUses {

  /**
   * A generated table class ({@code class Users extends TableImpl<UsersRecord>}).
   *
   * @param constant the static instance ({@code USERS}), or null
   * @param name the table name its constructor gives ({@code DSL.name("users")}), or null
   * @param schemaClass the schema class {@code getSchema()} returns ({@code Public}), or null
   * @param fields field constant → column name ({@code EMAIL → email})
   * @param paths implicit-join path method → the class it returns ({@code rental → Rental})
   */
  record TableDecl(
      String className,
      String constant,
      String name,
      String schemaClass,
      Map<String, String> fields,
      Map<String, String> paths) {
    TableDecl {
      fields = Map.copyOf(fields);
      paths = Map.copyOf(paths);
    }
  }

  final List<TableDecl> tables = new ArrayList<>();

  /** Generated schema class → schema name ({@code Public → public}). */
  final Map<String, String> schemas = new LinkedHashMap<>();

  final List<JooqQuery> queries = new ArrayList<>();
}
