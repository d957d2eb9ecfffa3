package dev.blastradius.lang.java.mybatis;

import dev.blastradius.lang.LinkState;
import java.util.ArrayList;
import java.util.List;

/**
 * One mapper XML file as read: its namespace, its root element (whose {@code <sql>} fragments and
 * result maps other mappers may use), and the statements that had to wait for every mapper to be
 * read because they include a fragment or use a result map of another namespace.
 */
final class MapperFile implements LinkState {

  final String path;
  final String namespace;
  final XmlNode.Element root;
  final List<String> lines;
  final List<XmlNode.Element> deferred = new ArrayList<>();

  MapperFile(String path, String namespace, XmlNode.Element root, List<String> lines) {
    this.path = path;
    this.namespace = namespace;
    this.root = root;
    this.lines = lines;
  }

  /** The direct children of the mapper named {@code name} ({@code sql}, {@code resultMap}). */
  List<XmlNode.Element> children(String name) {
    return root.elements().stream().filter(e -> e.name().equals(name)).toList();
  }
}
