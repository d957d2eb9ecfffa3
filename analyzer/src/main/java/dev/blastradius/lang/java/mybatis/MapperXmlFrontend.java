package dev.blastradius.lang.java.mybatis;

import dev.blastradius.graph.Confidence;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.LanguageFrontend;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Language;
import dev.blastradius.source.Location;
import dev.blastradius.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * MyBatis XML mappers. Every {@code <select>}, {@code <insert>}, {@code <update>} and {@code
 * <delete>} is a code unit called by its full id (see {@link MapperUnits}); its dynamic SQL is
 * rendered ({@link DynamicSql}) and handed to the SQL frontend, and its accesses are reported at
 * the statement's element. Statements that include fragments or use result maps of another mapper
 * wait until every mapper is read. Other XML files are left alone; a file that looks like a mapper
 * but is not well-formed is a problem.
 */
public final class MapperXmlFrontend implements LanguageFrontend {

  /** The elements that are mapped statements. */
  static final Set<String> STATEMENTS = Set.of("select", "insert", "update", "delete");

  @Override
  public Language language() {
    return Language.XML;
  }

  @Override
  public FileFacts extract(SourceFile file, String text, ExtractContext context) {
    FileFacts.Builder facts = new FileFacts.Builder(file.path());
    if (!text.contains("<mapper")) {
      return facts.build();
    }
    XmlNode.Element root;
    try {
      root = MapperXmlReader.read(text);
    } catch (MapperXmlReader.NotWellFormed e) {
      if (looksLikeMapper(text)) {
        facts.problem(
            new AnalysisProblem(
                file.path(), "extract", "MyBatis mapper not read: " + e.getMessage(), e.line()));
      }
      return facts.build();
    }
    if (!root.name().equals("mapper")) {
      return facts.build();
    }
    String namespace = root.attribute("namespace").orElse(null);
    if (namespace == null) {
      facts.problem(
          new AnalysisProblem(
              file.path(),
              "extract",
              "MyBatis mapper without a namespace: its statements cannot be called",
              root.line()));
      return facts.build();
    }
    MapperFile mapper = new MapperFile(file.path(), namespace, root, text.lines().toList());
    Mappers local = new Mappers(List.of(mapper));
    for (XmlNode.Element statement : mapper.root.elements()) {
      if (!STATEMENTS.contains(statement.name())) {
        continue;
      }
      if (!unit(mapper, statement, facts)) {
        continue;
      }
      if (needsOtherMappers(mapper, statement, local)) {
        mapper.deferred.add(statement);
      } else {
        statement(mapper, statement, local, facts, context);
      }
    }
    return facts.state(mapper).build();
  }

  @Override
  public List<FileFacts> link(List<FileFacts> files, ExtractContext context) {
    List<MapperFile> mappers = new ArrayList<>();
    for (FileFacts file : files) {
      if (file.state() instanceof MapperFile mapper) {
        mappers.add(mapper);
      }
    }
    Mappers all = new Mappers(mappers);
    List<FileFacts> linked = new ArrayList<>();
    for (FileFacts file : files) {
      FileFacts.Builder builder = new FileFacts.Builder(file.path()).addAll(file).state(null);
      if (file.state() instanceof MapperFile mapper) {
        mapper.deferred.forEach(s -> statement(mapper, s, all, builder, context));
      }
      linked.add(builder.build());
    }
    return linked;
  }

  /** Declares the statement's unit; false (with a problem) when it has no id. */
  private static boolean unit(
      MapperFile mapper, XmlNode.Element statement, FileFacts.Builder facts) {
    if (statement.attribute("id").isEmpty()) {
      facts.problem(
          new AnalysisProblem(
              mapper.path,
              "extract",
              "<" + statement.name() + "> without an id: it cannot be called",
              statement.line()));
      return false;
    }
    String id = statement.attribute("id").get();
    facts.unit(MapperUnits.statement(mapper.namespace, id, location(mapper, statement)));
    return true;
  }

  /** True when a fragment or result map the statement uses is not in its own file. */
  private static boolean needsOtherMappers(
      MapperFile mapper, XmlNode.Element statement, Mappers local) {
    DynamicSql.Rendering rendering =
        DynamicSql.render(statement, mapper.namespace, local, DynamicSql.Variant.DEFAULT);
    return !rendering.missing().isEmpty()
        || !ResultMaps.of(statement, mapper.namespace, local).missing().isEmpty();
  }

  /** Records a statement's accesses, its nested-select calls and its {@code <selectKey>}. */
  static void statement(
      MapperFile mapper,
      XmlNode.Element statement,
      Mappers mappers,
      FileFacts.Builder facts,
      ExtractContext context) {
    String unitId = MapperUnits.unitId(mapper.namespace, statement.attribute("id").orElseThrow());
    ResultMaps.Reads reads = ResultMaps.of(statement, mapper.namespace, mappers);
    reads.selects().stream().sorted().forEach(s -> facts.call(MapperUnits.call(unitId, s)));
    List<String> missing =
        DynamicSql.render(statement, mapper.namespace, mappers, DynamicSql.Variant.DEFAULT)
            .missing();
    for (String refid : missing.stream().distinct().toList()) {
      facts.problem(
          new AnalysisProblem(
              mapper.path,
              "extract",
              "<include refid=\""
                  + refid
                  + "\"> names no <sql> fragment of any mapper in the scan: its SQL is unknown",
              statement.line()));
    }
    boolean callable = "CALLABLE".equals(statement.attribute("statementType").orElse(""));
    MappedSql.record(
        site(mapper, statement, unitId, facts, context),
        v -> {
          DynamicSql.Rendering rendering =
              DynamicSql.render(statement, mapper.namespace, mappers, v);
          return callable ? JdbcEscape.call(rendering) : rendering;
        },
        reads.columns());
    for (XmlNode.Element key : statement.elements()) {
      if (key.name().equals("selectKey")) {
        MappedSql.record(
            site(mapper, key, unitId, facts, context),
            v -> DynamicSql.render(key, mapper.namespace, mappers, v),
            Set.of());
      }
    }
  }

  private static MappedSql.Site site(
      MapperFile mapper,
      XmlNode.Element element,
      String unitId,
      FileFacts.Builder facts,
      ExtractContext context) {
    return new MappedSql.Site(
        facts,
        unitId,
        location(mapper, element),
        snippet(mapper, element),
        context,
        Confidence.CERTAIN);
  }

  private static Location location(MapperFile mapper, XmlNode.Element element) {
    return new Location(
        mapper.path, element.line(), element.column(), element.endLine(), element.endColumn());
  }

  /** The element's source from its start tag, collapsed and shortened. */
  private static String snippet(MapperFile mapper, XmlNode.Element element) {
    int from = element.line() - 1;
    int to = Math.min(mapper.lines.size(), element.endLine());
    if (from >= to) {
      return "";
    }
    String text = String.join(" ", mapper.lines.subList(from, to));
    int start = Math.min(Math.max(0, element.column() - 1), mapper.lines.get(from).length());
    return HostedSql.snippet(text.substring(start));
  }

  /**
   * True for text that declares itself a MyBatis mapper: its DOCTYPE or a namespaced {@code
   * <mapper>}. Decides only whether a file we could not read is worth a problem.
   */
  private static boolean looksLikeMapper(String text) {
    return text.contains("mybatis-3-mapper.dtd")
        || text.contains("//DTD Mapper 3.0//")
        || (text.contains("<mapper") && text.contains("namespace="));
  }
}
