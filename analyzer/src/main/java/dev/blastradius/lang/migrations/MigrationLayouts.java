package dev.blastradius.lang.migrations;

import dev.blastradius.lang.ts.knex.KnexLayout;
import dev.blastradius.lang.ts.typeorm.TypeOrmLayout;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one explicit list of migration layouts. Each file belongs to at most one tool: the first
 * layout in this list that claims it.
 */
public final class MigrationLayouts {

  private static final List<MigrationLayout> LAYOUTS =
      List.of(
          new FlywayLayout(),
          new LiquibaseLayout(),
          new DrizzleLayout(),
          DirectoryLayout.prisma(),
          DirectoryLayout.supabase(),
          DirectoryLayout.golangMigrate(),
          DirectoryLayout.dbmate(),
          new KnexLayout(),
          new TypeOrmLayout(),
          new DjangoLayout(),
          new AlembicLayout());

  private MigrationLayouts() {}

  /** Every applied migration in the tree, tool by tool, each tool's in its own order. */
  public static MigrationLayout.Discovery discover(
      List<SourceFile> files, Function<SourceFile, String> text) {
    return discover(files, text, List.of());
  }

  /**
   * Every applied migration, with the directories configured in {@code blastradius.yaml} claimed
   * first by their tools.
   */
  public static MigrationLayout.Discovery discover(
      List<SourceFile> files,
      Function<SourceFile, String> text,
      List<? extends MigrationLayout> configured) {
    List<MigrationLayout> layouts = new ArrayList<>(configured);
    layouts.addAll(LAYOUTS);
    List<MigrationScript> scripts = new ArrayList<>();
    List<SourceFile> notReplayed = new ArrayList<>();
    List<AnalysisProblem> problems = new ArrayList<>();
    List<MigrationLayout.Note> notes = new ArrayList<>();
    Set<SourceFile> claimed = new HashSet<>();
    for (MigrationLayout layout : layouts) {
      MigrationLayout.Discovery found = layout.discover(files, text);
      for (MigrationScript script : found.scripts()) {
        if (claimed.add(script.file())) {
          scripts.add(script);
        }
      }
      for (SourceFile file : found.notReplayed()) {
        if (claimed.add(file)) {
          notReplayed.add(file);
        }
      }
      problems.addAll(found.problems());
      notes.addAll(found.notes());
    }
    return new MigrationLayout.Discovery(scripts, notReplayed, problems, notes);
  }

  /**
   * Whether {@code tool} runs each migration in a transaction of its own on Postgres by default
   * (DESIGN §4): Flyway, Liquibase, Django, Alembic, Prisma (files of several statements),
   * Supabase, Drizzle, Knex, TypeORM and dbmate do (dbmate unless {@code -- migrate:up
   * transaction:false}); golang-migrate and plain SQL files do not.
   */
  public static boolean transactional(String tool, String text) {
    return switch (tool) {
      case "flyway",
          "liquibase",
          "django",
          "alembic",
          "prisma",
          "supabase",
          "drizzle",
          "knex",
          "typeorm" ->
          true;
      case "dbmate" -> !DbmateSections.upMarkerDisablesTransaction(text);
      default -> false;
    };
  }

  /**
   * How to read a file named by {@code --migration}: the first tool that recognises it, else SQL.
   */
  public static MigrationScript proposed(SourceFile file, String text) {
    return proposed(file, text, List.of());
  }

  /** How to read a file named by {@code --migration}, configured directories first. */
  public static MigrationScript proposed(
      SourceFile file, String text, List<? extends MigrationLayout> configured) {
    List<MigrationLayout> layouts = new ArrayList<>(configured);
    layouts.addAll(LAYOUTS);
    for (MigrationLayout layout : layouts) {
      Optional<MigrationScript> script = layout.proposed(file, text);
      if (script.isPresent()) {
        return script.get();
      }
    }
    if (DbmateSections.isDbmate(text)) {
      return new MigrationScript(
          file, "dbmate", "", List.of(), file.fileName(), ScriptFormat.DBMATE);
    }
    return new MigrationScript(file, "sql", "", List.of(), file.fileName());
  }
}
