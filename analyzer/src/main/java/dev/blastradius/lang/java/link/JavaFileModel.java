package dev.blastradius.lang.java.link;

import dev.blastradius.lang.LinkState;
import dev.blastradius.lang.java.StringTemplate;
import dev.blastradius.lang.java.jooq.JooqUses;
import dev.blastradius.lang.java.jpa.EntityDecl;
import dev.blastradius.lang.java.mybatis.MyBatisUses;
import dev.blastradius.lang.java.springdata.RepositoryDecl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one Java file declares for others (string constants, JPA-mapped classes, repository
 * interfaces) and what it uses that only other files can explain (SQL built from other classes'
 * constants, calls on typed receivers that may be repositories, entity managers or entities).
 * Collected while the file is parsed; resolved by {@link JavaLinker}.
 */
public final class JavaFileModel implements LinkState {

  /** {@code Owner.NAME} → the constant's folded value. */
  public final Map<String, StringTemplate> constants = new LinkedHashMap<>();

  /** Projection types (interfaces and records) → the properties they expose. */
  public final Map<String, List<String>> projections = new LinkedHashMap<>();

  /**
   * Classes and records → their instance fields or components, for row mappers that bind by name.
   */
  public final Map<String, List<String>> beanProperties = new LinkedHashMap<>();

  public final List<RowMapperUse> rowMappers = new ArrayList<>();
  public final List<EntityDecl> entities = new ArrayList<>();
  public final List<RepositoryDecl> repositories = new ArrayList<>();
  public final List<PendingSql> pendingSql = new ArrayList<>();
  public final List<DataCall> dataCalls = new ArrayList<>();
  public final MyBatisUses mybatis = new MyBatisUses();
  public final JooqUses jooq = new JooqUses();
}
