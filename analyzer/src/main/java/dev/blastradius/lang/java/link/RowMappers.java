package dev.blastradius.lang.java.link;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.UnitAccess;
import dev.blastradius.source.Location;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Row mappers that bind result columns to properties by name ({@code BeanPropertyRowMapper}, {@code
 * DataClassRowMapper}): of the columns a {@code SELECT *} fetches implicitly, the ones that match a
 * property of the mapped class are consumed by the code, so they become explicit reads. Spring
 * matches a column to a property by its lower-case name or its underscored name ({@code fullName} ←
 * {@code full_name} or {@code fullname}).
 */
final class RowMappers {

  private RowMappers() {}

  static FileFacts bind(
      FileFacts facts, List<RowMapperUse> mappers, Map<String, List<String>> beanProperties) {
    Map<Location, Set<String>> columnsAt = new HashMap<>();
    for (RowMapperUse mapper : mappers) {
      List<String> properties = beanProperties.get(mapper.className());
      if (properties == null) {
        continue;
      }
      Set<String> names = columnsAt.computeIfAbsent(mapper.location(), k -> new HashSet<>());
      for (String property : properties) {
        names.add(property.toLowerCase(Locale.ROOT));
        names.add(underscored(property));
      }
    }
    if (columnsAt.isEmpty()) {
      return facts;
    }
    List<UnitAccess> accesses =
        facts.accesses().stream()
            .map(
                u -> {
                  Access a = u.access();
                  Set<String> names = columnsAt.get(a.location());
                  if (names == null
                      || a.kind() != AccessKind.READ
                      || !a.implicit()
                      || !names.contains(a.column().column().toLowerCase(Locale.ROOT))) {
                    return u;
                  }
                  return new UnitAccess(
                      u.unitId(),
                      new Access(
                          a.column(),
                          a.kind(),
                          a.via(),
                          a.confidence(),
                          false,
                          a.location(),
                          a.snippet(),
                          a.entryPoints(),
                          a.inserts()));
                })
            .toList();
    return new FileFacts(
        facts.path(),
        accesses,
        facts.units(),
        facts.calls(),
        facts.types(),
        facts.entryPoints(),
        facts.problems(),
        facts.coverage(),
        facts.notes(),
        facts.state(),
        facts.updates());
  }

  /** {@code fullName} → {@code full_name}, as Spring's {@code underscoreName}. */
  static String underscored(String property) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < property.length(); i++) {
      char c = property.charAt(i);
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
