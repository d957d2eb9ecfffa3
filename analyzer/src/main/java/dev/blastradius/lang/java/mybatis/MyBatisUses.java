package dev.blastradius.lang.java.mybatis;

import dev.blastradius.lang.java.StringTemplate;
import dev.blastradius.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a Java file declares for MyBatis that only other files can finish: annotation SQL built from
 * other classes' constants, provider annotations, and the provider methods it defines. Kept in the
 * file's link state and resolved by {@link MyBatisLinker}.
 */
public final class MyBatisUses {

  /**
   * A mapper method's annotation SQL waiting for constants.
   *
   * @param resultColumns the columns its {@code @Results} read
   */
  record PendingSql(
      String unitId,
      Location location,
      String snippet,
      StringTemplate sql,
      String namespace,
      Set<String> resultColumns) {}

  /**
   * A {@code @SelectProvider} (or insert/update/delete provider) on a mapper method.
   *
   * @param providerType the simple name of the provider class
   * @param methods the provider method names to try, in order
   */
  record ProviderUse(
      String unitId,
      Location location,
      String snippet,
      String providerType,
      List<String> methods,
      String namespace,
      Set<String> resultColumns) {}

  /** A method that returns SQL we can read, which a provider annotation may name. */
  record ProviderMethod(String owner, String name, StringTemplate sql) {}

  /** A {@code SqlSession} call whose statement id uses other classes' constants. */
  record SessionCall(String unitId, Location location, StringTemplate statementId) {}

  final List<PendingSql> pending = new ArrayList<>();
  final List<ProviderUse> providerUses = new ArrayList<>();
  final List<ProviderMethod> providerMethods = new ArrayList<>();
  final List<SessionCall> sessionCalls = new ArrayList<>();
}
