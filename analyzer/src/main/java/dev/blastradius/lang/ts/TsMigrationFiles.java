package dev.blastradius.lang.ts;

import dev.blastradius.lang.migrations.MigrationStep;
import dev.blastradius.lang.treesitter.TreeSitterParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The common part of reading a TS/JS migration file (Knex, TypeORM): parse it, report a syntax
 * error as a step that is not replayed, find its {@code up} and let the tool's reader turn it into
 * steps.
 */
public final class TsMigrationFiles {

  /** Turns the {@code up} function or method of one tool's migration into steps, in order. */
  @FunctionalInterface
  public interface UpReader {
    void read(TsSource source, TsNode up, List<MigrationStep> steps);
  }

  private TsMigrationFiles() {}

  /**
   * The steps of a migration file's {@code up}.
   *
   * @param tool how the messages name the file ("Knex migration")
   * @param upName how they name its {@code up} ("up function")
   */
  public static List<MigrationStep> read(
      String path, String text, String tool, String upName, UpReader reader) {
    TreeSitterParser.Result result =
        TreeSitterParser.parse(TsFrontend.grammar(path), path, text, TsFrontend.PARSE_LIMIT);
    if (!(result instanceof TreeSitterParser.Result.Parsed parsed)) {
      return List.of(new MigrationStep.NotReplayed(0, "cannot parse the " + tool));
    }
    TsSource source = TsSource.of(parsed.tree());
    List<MigrationStep> steps = new ArrayList<>();
    if (parsed.tree().hasErrors()) {
      steps.add(
          new MigrationStep.NotReplayed(
              parsed.tree().errors(1).get(0).startLine(),
              "syntax error in the " + tool + "; the rest of it was read"));
    }
    Optional<TsNode> up = up(source, source.root(), 0);
    if (up.isEmpty()) {
      steps.add(new MigrationStep.NotReplayed(0, "no " + upName + " in the " + tool));
      return steps;
    }
    reader.read(source, up.get(), steps);
    return steps;
  }

  /**
   * The {@code up} function: a method of a migration class, a declared or exported function, or a
   * function assigned to {@code exports.up} or a property named {@code up}.
   */
  private static Optional<TsNode> up(TsSource source, TsNode node, int depth) {
    String type = TsSource.type(node);
    switch (type) {
      case "function_declaration", "method_definition" -> {
        TsNode name = TsSource.field(node, "name");
        if (name != null && source.text(name).equals("up")) {
          return Optional.of(node);
        }
      }
      case "variable_declarator", "pair", "assignment_expression" -> {
        TsNode name =
            TsSource.field(
                node,
                type.equals("variable_declarator") ? "name" : type.equals("pair") ? "key" : "left");
        TsNode value =
            TsSource.field(node, type.equals("assignment_expression") ? "right" : "value");
        String text = name == null ? "" : source.text(name);
        if ((text.equals("up") || text.endsWith(".up"))
            && TsSource.type(TsSource.unwrap(value))
                .matches("arrow_function|function_expression|function")) {
          return Optional.of(TsSource.unwrap(value));
        }
      }
      default -> {}
    }
    if (depth > 12) {
      return Optional.empty();
    }
    for (TsNode child : TsSource.named(node)) {
      Optional<TsNode> found = up(source, child, depth + 1);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
