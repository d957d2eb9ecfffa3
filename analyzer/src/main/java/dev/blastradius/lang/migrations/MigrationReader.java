package dev.blastradius.lang.migrations;

import dev.blastradius.lang.ts.knex.KnexMigration;
import dev.blastradius.lang.ts.typeorm.TypeOrmMigration;
import dev.blastradius.schema.Identifiers;
import java.util.List;

/** Turns a migration script's text into the steps it applies, by format. */
public final class MigrationReader {

  private MigrationReader() {}

  /**
   * The steps of {@code script}, whose text is {@code text}. Throws {@link
   * IllegalArgumentException} with a user-facing message when the file cannot be read at all; parts
   * of it that cannot be replayed are {@link MigrationStep.NotReplayed} steps.
   *
   * @param ids the identifier rules of the dialect (names in structured changelogs fold like SQL's)
   * @param proposed whether the script is under review ({@code --migration}) rather than applied
   */
  public static List<MigrationStep> read(
      MigrationScript script, String text, Identifiers ids, boolean proposed) {
    return switch (script.format()) {
      case SQL -> List.of(new MigrationStep.Sql(text));
      case SQLITE -> List.of(new MigrationStep.Sql(text, null, 0, false, true));
      case DBMATE -> List.of(new MigrationStep.Sql(DbmateSections.upSection(text)));
      case LIQUIBASE_SQL -> FormattedSqlChangelog.read(text, ids.dialect());
      case LIQUIBASE_XML, LIQUIBASE_YAML, LIQUIBASE_JSON ->
          LiquibaseReader.read(script, text, ids, proposed);
      case KNEX -> KnexMigration.read(script.file().path(), text);
      case TYPEORM -> TypeOrmMigration.read(script.file().path(), text);
      case DJANGO, ALEMBIC -> script.prepared() == null ? List.of() : script.prepared().steps(ids);
    };
  }
}
