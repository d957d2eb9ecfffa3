package dev.blastradius.lang.java.mybatis;

import dev.blastradius.graph.CallSite;
import dev.blastradius.graph.CodeUnit;
import dev.blastradius.source.Location;

/**
 * The code units of MyBatis mapped statements. A statement is called by its full id, {@code
 * namespace.id}: from the mapper interface method of that name (the namespace is the interface's
 * binary name), from {@code SqlSession} calls that name it, and from result maps that load nested
 * results with {@code select="…"}. Entry points reach the statement's accesses through those calls.
 */
public final class MapperUnits {

  private static final String PREFIX = "mybatis:";

  private MapperUnits() {}

  /** The unit of the statement {@code id} of {@code namespace}. */
  public static CodeUnit statement(String namespace, String id, Location location) {
    String name = callName(namespace, id);
    return new CodeUnit(name, simpleName(namespace), name, 0, location);
  }

  /** The call of a statement by its full id ({@code com.acme.UserMapper.findEmail}). */
  public static CallSite call(String callerId, String statementId) {
    return new CallSite(callerId, PREFIX + statementId, 0, null);
  }

  /** The id of a statement's unit. */
  public static String unitId(String namespace, String id) {
    return callName(namespace, id);
  }

  private static String callName(String namespace, String id) {
    return PREFIX + namespace + "." + id;
  }

  private static String simpleName(String namespace) {
    String name = namespace.substring(namespace.lastIndexOf('.') + 1);
    return name.substring(name.lastIndexOf('$') + 1);
  }
}
