package dev.blastradius.lang.java.mybatis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a statement's result maps read: the {@code column} of every {@code <id>}, {@code <result>},
 * constructor argument, association, collection and discriminator, through {@code extends}, nested
 * and referenced maps (with their {@code columnPrefix}); and the statements they load nested
 * results with ({@code select="…"}).
 */
final class ResultMaps {

  private static final int MAX_DEPTH = 16;

  /**
   * What was found.
   *
   * @param columns result-set column names, lower case
   * @param selects full ids of statements called for nested results
   * @param missing references to result maps that were not found
   */
  record Reads(Set<String> columns, Set<String> selects, List<String> missing) {}

  private final Mappers mappers;
  private final Set<String> columns = new LinkedHashSet<>();
  private final Set<String> selects = new LinkedHashSet<>();
  private final List<String> missing = new ArrayList<>();

  private ResultMaps(Mappers mappers) {
    this.mappers = mappers;
  }

  /** The reads of a statement of {@code namespace}: its {@code resultMap} attribute. */
  static Reads of(XmlNode.Element statement, String namespace, Mappers mappers) {
    ResultMaps reads = new ResultMaps(mappers);
    statement.attribute("resultMap").ifPresent(refs -> reads.references(refs, namespace, "", 0));
    return new Reads(
        Collections.unmodifiableSet(reads.columns),
        Collections.unmodifiableSet(reads.selects),
        List.copyOf(reads.missing));
  }

  /** {@code resultMap="a,b"}: each map, for statements with several result sets. */
  private void references(String refs, String namespace, String prefix, int depth) {
    for (String ref : refs.split(",")) {
      if (ref.isBlank()) {
        continue;
      }
      if (depth > MAX_DEPTH) {
        return;
      }
      mappers
          .resultMap(namespace, ref)
          .ifPresentOrElse(
              map -> resultMap(map.element(), map.namespace(), prefix, depth + 1),
              () -> missing.add(ref.strip()));
    }
  }

  private void resultMap(XmlNode.Element map, String namespace, String prefix, int depth) {
    map.attribute("extends").ifPresent(base -> references(base, namespace, prefix, depth));
    mappings(map, namespace, prefix, depth);
  }

  private void mappings(XmlNode.Element parent, String namespace, String prefix, int depth) {
    for (XmlNode.Element child : parent.elements()) {
      switch (child.name()) {
        case "id", "result", "idArg", "arg", "discriminator" -> {
          column(child, prefix);
          select(child, namespace);
          child.attribute("resultMap").ifPresent(r -> references(r, namespace, prefix, depth));
          mappings(child, namespace, prefix, depth);
        }
        case "constructor" -> mappings(child, namespace, prefix, depth);
        case "association", "collection", "case" -> {
          column(child, prefix);
          select(child, namespace);
          String nested = prefix + child.attribute("columnPrefix").orElse("");
          child.attribute("resultMap").ifPresent(r -> references(r, namespace, nested, depth));
          mappings(child, namespace, nested, depth);
        }
        default -> {
          // Anything else maps no column.
        }
      }
    }
  }

  /** {@code column="email"} or, for nested selects, {@code column="{id=author_id,kind=type}"}. */
  private void column(XmlNode.Element element, String prefix) {
    String column = element.attribute("column").orElse(null);
    if (column == null) {
      return;
    }
    if (column.startsWith("{") && column.endsWith("}")) {
      for (String pair : column.substring(1, column.length() - 1).split(",")) {
        int equals = pair.indexOf('=');
        String name = (equals < 0 ? pair : pair.substring(equals + 1)).strip();
        if (!name.isEmpty()) {
          columns.add((prefix + name).toLowerCase(Locale.ROOT));
        }
      }
    } else {
      columns.add((prefix + column).toLowerCase(Locale.ROOT));
    }
  }

  private void select(XmlNode.Element element, String namespace) {
    element.attribute("select").ifPresent(s -> selects.add(Mappers.qualify(namespace, s)));
  }
}
