package dev.blastradius.lang.java.mybatis;

import dev.blastradius.lang.java.StringTemplate;
import dev.blastradius.source.AnalysisProblem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SQL from Java (a {@code @Select} value, a provider method's result) as a statement {@link
 * DynamicSql} renders: a {@code <script>…</script>} is read as mapper XML, anything else is one
 * text. Parts the Java code builds at run time become {@code ${}} substitutions, so they render as
 * dynamic parts like MyBatis's own.
 */
final class AnnotationSql {

  /** Annotation scripts cannot include XML fragments we would know at this point. */
  private static final DynamicSql.Fragments NO_FRAGMENTS = (namespace, refid) -> Optional.empty();

  private AnnotationSql() {}

  /**
   * Records the accesses of {@code sql}, a statement of {@code namespace}, at the site; a script
   * that is not well-formed XML, or includes a fragment, is a problem.
   */
  static void record(
      MappedSql.Site site, StringTemplate sql, String namespace, Set<String> resultColumns) {
    XmlNode.Element statement;
    try {
      statement = statement(sql);
    } catch (MapperXmlReader.NotWellFormed e) {
      problem(site, "MyBatis <script> not read: " + e.getMessage());
      return;
    }
    List<String> missing =
        DynamicSql.render(statement, namespace, NO_FRAGMENTS, DynamicSql.Variant.DEFAULT).missing();
    if (!missing.isEmpty()) {
      problem(
          site,
          "<include refid=\""
              + missing.get(0)
              + "\"> in an annotation script is not resolved: its SQL is unknown");
    }
    MappedSql.record(
        site, v -> DynamicSql.render(statement, namespace, NO_FRAGMENTS, v), resultColumns);
  }

  private static void problem(MappedSql.Site site, String message) {
    site.facts()
        .problem(
            new AnalysisProblem(
                site.location().path(), "extract", message, site.location().startLine()));
  }

  /** The statement element of {@code sql}. */
  static XmlNode.Element statement(StringTemplate sql) {
    StringBuilder text = new StringBuilder();
    for (StringTemplate.Part part : sql.parts()) {
      text.append(part instanceof StringTemplate.Literal literal ? literal.text() : "${}");
    }
    String body = text.toString();
    if (body.strip().startsWith("<script>")) {
      return MapperXmlReader.read(body.strip());
    }
    return new XmlNode.Element("script", Map.of(), List.of(new XmlNode.Text(body)), 1, 1, 1, 1);
  }
}
