package dev.blastradius.lang.java.jooq;

import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.java.StringTemplate;
import dev.blastradius.lang.sql.SqlAnalysis;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.Identifiers;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * Finishes jOOQ chains once every Java file is read: names their tables and fields from the
 * generated classes in the scan (or derives them from the constant names, as likely), renders them
 * as SQL ({@link JooqRenderer}) and hands that to the SQL frontend. The first file whose names had
 * to be derived carries a note saying so.
 */
public final class JooqLinker {

  static final String DERIVED_NOTE =
      "jOOQ: generated table classes not in the scan for some references; table and column names"
          + " were derived from the constant names (USERS.EMAIL -> users.email), so those accesses"
          + " are likely, not certain";

  private final ExtractContext context;
  private final JooqNames names;
  private final JooqRenderer renderer;
  private final String notePath;

  /** The replayed catalog plus the tables only generated classes declare. */
  private final Catalog catalog;

  private final Function<StringTemplate.Ref, Optional<StringTemplate>> constants;

  /**
   * @param uses every Java file's jOOQ uses by path
   * @param constants the project's string constants
   */
  public JooqLinker(
      ExtractContext context,
      SortedMap<String, JooqUses> uses,
      Function<StringTemplate.Ref, Optional<StringTemplate>> constants) {
    this.context = context;
    this.constants = constants;
    this.names =
        new JooqNames(
            new ArrayList<>(uses.values()),
            context.sql().identifiers().defaultSchema(),
            context.sql().identifiers().dialect());
    this.renderer = new JooqRenderer(names, context.sql().identifiers().dialect());
    String derivedIn = null;
    for (Map.Entry<String, JooqUses> file : uses.entrySet()) {
      for (JooqQuery query : file.getValue().queries) {
        names.reset();
        renderer.render(query);
        if (names.derived()) {
          derivedIn = file.getKey();
          break;
        }
      }
      if (derivedIn != null) {
        break;
      }
    }
    this.notePath = derivedIn;
    this.catalog = withGeneratedTables(context.catalog());
  }

  /**
   * {@code catalog} with a table for every generated table class whose table it does not know,
   * holding the class's fields (type unknown): without migrations in the scan, {@code
   * selectFrom(USERS)} still reads every column the generated record has.
   */
  private Catalog withGeneratedTables(Catalog catalog) {
    Identifiers ids = context.sql().identifiers();
    Catalog.Builder builder = null;
    for (JooqUses.TableDecl table : names.generatedTables()) {
      String schema = names.schemaOf(table);
      TableRef ref =
          ids.table(
              schema == null
                  ? List.of(names.quote(table.name()))
                  : List.of(names.quote(schema), names.quote(table.name())));
      if (catalog.table(ref).isPresent() || table.fields().isEmpty()) {
        continue;
      }
      builder = builder == null ? catalog.toBuilder() : builder;
      builder.createTable(
          ref,
          table.fields().values().stream()
              .sorted()
              .distinct()
              .map(c -> new Catalog.Column(ids.normalize(names.quote(c)), "", false, null))
              .toList());
    }
    return builder == null ? catalog : builder.build();
  }

  /** Records the accesses of one file's chains into its builder. */
  public void link(JooqUses uses, FileFacts.Builder facts) {
    for (JooqQuery query : uses.queries) {
      Optional<StringTemplate> plain = plainSqlConstant(query);
      names.reset();
      StringTemplate sql = plain.orElseGet(() -> renderer.render(query));
      Confidence cap =
          !sql.complete()
              ? Confidence.POSSIBLE
              : names.derived() && plain.isEmpty() ? Confidence.LIKELY : Confidence.CERTAIN;
      SqlAnalysis analysis = context.sql().analyze(sql.text(), catalog);
      HostedSql.record(
          facts,
          analysis,
          query.unitId(),
          Via.JOOQ,
          cap,
          s -> query.location(),
          s -> query.snippet(),
          "extract");
    }
    if (facts.path().equals(notePath)) {
      facts.note(DERIVED_NOTE);
    }
  }

  /**
   * {@code dsl.fetch(FIND_ACTIVE)}: a constant that is no generated table but a string constant of
   * the project is plain SQL, not a table.
   */
  private Optional<StringTemplate> plainSqlConstant(JooqQuery query) {
    JooqQuery.Step first = query.steps().get(0);
    if (!JooqChains.FETCHES.contains(first.method())
        || first.arguments().isEmpty()
        || !(first.arguments().get(0) instanceof JooqExpr.Table table)
        || table.constant() == null
        || names.isGenerated(table.constant())) {
      return Optional.empty();
    }
    return constants
        .apply(new StringTemplate.Ref(null, table.constant()))
        .map(t -> JooqChains.placeholders(t.resolve(constants)));
  }
}
