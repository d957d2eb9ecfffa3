package dev.blastradius.lang.java.mybatis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code <sql>} fragments and result maps of a set of mappers by full id ({@code
 * namespace.id}): one file while it is read, every mapper once all are. References resolve the way
 * MyBatis resolves them: a name with a dot is a full id, any other belongs to the current
 * namespace.
 */
final class Mappers implements DynamicSql.Fragments {

  /** An element of a mapper with that mapper's namespace. */
  record Declared(String namespace, XmlNode.Element element) {}

  private final Map<String, Declared> fragments = new HashMap<>();
  private final Map<String, Declared> resultMaps = new HashMap<>();

  Mappers(List<MapperFile> files) {
    for (MapperFile file : files) {
      declare(file, "sql", fragments);
      declare(file, "resultMap", resultMaps);
    }
  }

  private static void declare(MapperFile file, String kind, Map<String, Declared> into) {
    for (XmlNode.Element element : file.children(kind)) {
      element
          .attribute("id")
          .ifPresent(
              id ->
                  into.putIfAbsent(
                      qualify(file.namespace, id), new Declared(file.namespace, element)));
    }
  }

  /** The full id {@code reference} stands for inside {@code namespace}. */
  static String qualify(String namespace, String reference) {
    String name = reference.strip();
    return name.contains(".") ? name : namespace + "." + name;
  }

  @Override
  public Optional<DynamicSql.Fragment> find(String namespace, String refid) {
    return Optional.ofNullable(fragments.get(qualify(namespace, refid)))
        .map(d -> new DynamicSql.Fragment(d.namespace(), d.element()));
  }

  /** The result map {@code reference} names inside {@code namespace}. */
  Optional<Declared> resultMap(String namespace, String reference) {
    return Optional.ofNullable(resultMaps.get(qualify(namespace, reference)));
  }
}
