package dev.blastradius.lang.ts.typeorm;

import dev.blastradius.lang.migrations.MigrationStep;
import dev.blastradius.lang.ts.CallChain;
import dev.blastradius.lang.ts.TsMigrationFiles;
import dev.blastradius.lang.ts.TsNode;
import dev.blastradius.lang.ts.TsSource;
import java.util.List;
import java.util.Optional;

/**
 * Reads a TypeORM migration class: the {@code queryRunner.query('…')} calls of its {@code up}
 * method, in source order, become SQL steps at their lines; a query whose SQL is not a constant
 * string, and the structured {@code queryRunner} schema calls ({@code addColumn}, …), are not
 * replayed and say so.
 */
public final class TypeOrmMigration {

  private TypeOrmMigration() {}

  /** The steps of a TypeORM migration file's {@code up}. */
  public static List<MigrationStep> read(String path, String text) {
    return TsMigrationFiles.read(
        path,
        text,
        "TypeORM migration",
        "up method",
        (source, up, steps) -> walk(source, up, steps, 0));
  }

  private static void walk(TsSource source, TsNode node, List<MigrationStep> steps, int depth) {
    if (depth > 200) {
      return;
    }
    if (TsSource.type(node).equals("call_expression")) {
      CallChain chain = CallChain.of(node, source);
      CallChain.Link last = chain.last();
      if (last != null && last.isCall() && chain.links().size() == 1) {
        String name = last.name() == null ? "" : last.name();
        if (name.equals("query")) {
          Optional<String> sql = constant(source, last.first());
          if (sql.isPresent()) {
            steps.add(new MigrationStep.Sql(sql.get() + ";", null, source.line(node), false));
          } else {
            steps.add(
                new MigrationStep.NotReplayed(
                    source.line(node), "queryRunner.query with SQL that is not a constant string"));
          }
          return;
        }
        if (SCHEMA_CALLS.contains(name)) {
          steps.add(
              new MigrationStep.NotReplayed(
                  source.line(node), "queryRunner." + name + " is not replayed; use query('SQL')"));
          return;
        }
      }
    }
    for (TsNode child : TsSource.named(node)) {
      walk(source, child, steps, depth + 1);
    }
  }

  private static final java.util.Set<String> SCHEMA_CALLS =
      java.util.Set.of(
          "createTable",
          "dropTable",
          "renameTable",
          "addColumn",
          "addColumns",
          "dropColumn",
          "dropColumns",
          "renameColumn",
          "changeColumn",
          "changeColumns",
          "createIndex",
          "dropIndex",
          "createForeignKey",
          "dropForeignKey");

  /** A string literal, or a template literal without substitutions. */
  private static Optional<String> constant(TsSource source, TsNode node) {
    TsNode value = TsSource.unwrap(node);
    if (TsSource.type(value).equals("template_string")
        && TsSource.named(value).stream()
            .noneMatch(c -> c.getType().equals("template_substitution"))) {
      String text = source.text(value);
      return Optional.of(text.substring(1, text.length() - 1));
    }
    return value == null ? Optional.empty() : source.stringValue(value);
  }
}
