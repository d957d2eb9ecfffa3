package dev.blastradius.lang.sql;

import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The relations visible at one query level (FROM items, the target of an UPDATE), linked to the
 * enclosing level for correlated subqueries, plus the CTEs in force and the select-list aliases
 * that ORDER BY and GROUP BY may name.
 */
final class Scope {

  /**
   * A relation in FROM. A base relation has a {@code table}; a derived one (subquery, CTE, table
   * function) has only the names of its output columns, whose reads the inner walk already counted.
   */
  record Relation(String alias, TableRef table, Set<String> derivedColumns) {
    boolean isBase() {
      return table != null;
    }

    /** Whether {@code qualifier} (already normalised) names this relation. */
    boolean answersTo(String qualifier) {
      return alias != null
          ? alias.equals(qualifier)
          : table != null && table.name().equals(qualifier);
    }
  }

  final Scope parent;
  final Map<String, Set<String>> ctes;
  final List<Relation> relations = new ArrayList<>();
  final Set<String> outputAliases = new HashSet<>();

  Scope(Scope parent, Map<String, Set<String>> ctes) {
    this.parent = parent;
    this.ctes = ctes;
  }

  void addBase(String alias, TableRef table) {
    relations.add(new Relation(alias, table, Set.of()));
  }

  void addDerived(String alias, Set<String> columns) {
    relations.add(new Relation(alias, null, Set.copyOf(columns)));
  }

  /** The base relations of this level only. */
  List<Relation> baseRelations() {
    return relations.stream().filter(Relation::isBase).toList();
  }

  /** Finds the relation a qualifier names, searching outwards; null when none does. */
  Relation lookup(String qualifier) {
    for (Scope s = this; s != null; s = s.parent) {
      for (Relation relation : s.relations) {
        if (relation.answersTo(qualifier)) {
          return relation;
        }
      }
    }
    return null;
  }

  /** Names visible as CTEs here. */
  Set<String> cteNames() {
    return ctes == null ? new HashSet<>() : ctes.keySet();
  }
}
