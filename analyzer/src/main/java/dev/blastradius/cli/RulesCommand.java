package dev.blastradius.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blastradius.report.json.Json;
import dev.blastradius.rules.RuleCatalog;
import dev.blastradius.rules.RuleMetadata;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code blastradius rules [--format json]} and {@code blastradius rules explain ID}. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "List the rules, with their equivalents in squawk and strong_migrations.",
    subcommands = RulesCommand.Explain.class)
final class RulesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      description = "Output format. Default: text.")
  String format = "text";

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<RuleMetadata> rules = RuleCatalog.bundled().rules();
    switch (format) {
      case "json" -> out.print(json(rules));
      case "text" -> rules.forEach(r -> out.println(line(r)));
      default ->
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--format: rules supports text or json, not '" + format + "'");
    }
    out.flush();
    return ExitCode.OK.code();
  }

  private static String line(RuleMetadata rule) {
    String squawk = String.join(",", rule.equivalents().getOrDefault("squawk", List.of()));
    return String.format(
        "%-32s %-16s %-8s %s%s",
        rule.id(),
        rule.pack(),
        rule.severity().jsonName(),
        rule.title(),
        squawk.isEmpty() ? "" : "  (squawk: " + squawk + ")");
  }

  private static String json(List<RuleMetadata> rules) {
    ObjectNode root = Json.object();
    ArrayNode array = root.putArray("rules");
    for (RuleMetadata rule : rules) {
      ObjectNode node = array.addObject();
      node.put("id", rule.id())
          .put("pack", rule.pack())
          .put("severity", rule.severity().jsonName())
          .put("title", rule.title());
      ArrayNode tags = node.putArray("tags");
      rule.tags().forEach(tags::add);
      ObjectNode equivalents = node.putObject("equivalents");
      for (Map.Entry<String, List<String>> tool : new TreeMap<>(rule.equivalents()).entrySet()) {
        ArrayNode ids = equivalents.putArray(tool.getKey());
        tool.getValue().forEach(ids::add);
      }
    }
    return Json.write(root);
  }

  /** {@code blastradius rules explain ID}: the rule's documentation. */
  @Command(
      name = "explain",
      mixinStandardHelpOptions = true,
      description = "Print a rule's documentation.")
  static final class Explain implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The rule id, e.g. drop-column-still-read.")
    String id;

    @Override
    public Integer call() {
      RuleMetadata rule =
          RuleCatalog.bundled()
              .rule(id)
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          spec.commandLine(),
                          "unknown rule '" + id + "'; see 'blastradius rules'"));
      spec.commandLine().getOut().print(rule.documentation());
      spec.commandLine().getOut().flush();
      return ExitCode.OK.code();
    }
  }
}
