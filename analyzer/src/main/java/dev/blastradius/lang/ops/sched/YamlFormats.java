package dev.blastradius.lang.ops.sched;

import static dev.blastradius.lang.ops.sched.YamlNodes.at;
import static dev.blastradius.lang.ops.sched.YamlNodes.entries;
import static dev.blastradius.lang.ops.sched.YamlNodes.get;
import static dev.blastradius.lang.ops.sched.YamlNodes.items;
import static dev.blastradius.lang.ops.sched.YamlNodes.line;
import static dev.blastradius.lang.ops.sched.YamlNodes.string;
import static dev.blastradius.lang.ops.sched.YamlNodes.text;

import dev.blastradius.graph.EntryPointKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The YAML (and JSON) scheduler formats: Kubernetes workloads (also as Helm templates), Docker
 * Compose services, GitHub Actions workflows, GitLab CI jobs and {@code app.json}.
 */
final class YamlFormats {

  /** Kubernetes workload kinds → the entry-point kind of the code their containers run. */
  static final Map<String, EntryPointKind> WORKLOADS =
      Map.of(
          "CronJob", EntryPointKind.CRON,
          "Job", EntryPointKind.SCRIPT,
          "Deployment", EntryPointKind.WORKER,
          "StatefulSet", EntryPointKind.WORKER,
          "DaemonSet", EntryPointKind.WORKER);

  private static final Set<String> GITLAB_KEYWORDS =
      Set.of(
          "stages",
          "variables",
          "default",
          "include",
          "workflow",
          "image",
          "services",
          "cache",
          "before_script",
          "after_script");

  private YamlFormats() {}

  /**
   * Kubernetes: each container (and init container) of a workload that sets {@code command} or
   * {@code args} runs them; a {@code CronJob} is {@code cron}, a {@code Job} a {@code script},
   * long-running workloads {@code worker}s.
   */
  static List<ScheduledJob> kubernetes(List<Node> documents) {
    List<ScheduledJob> jobs = new ArrayList<>();
    for (Node document : documents) {
      EntryPointKind kind = WORKLOADS.get(string(document, "kind"));
      if (kind == null) {
        continue;
      }
      String name = string(document, "metadata", "name");
      Optional<Node> pod =
          kind == EntryPointKind.CRON
              ? at(document, "spec", "jobTemplate", "spec", "template", "spec")
              : at(document, "spec", "template", "spec");
      String label =
          string(document, "kind")
              + " "
              + name
              + (kind == EntryPointKind.CRON
                  ? " (" + string(document, "spec", "schedule") + ")"
                  : "");
      for (String containers : List.of("initContainers", "containers")) {
        for (Node container :
            pod.flatMap(p -> get(p, containers)).map(YamlNodes::items).orElse(List.of())) {
          List<Node> words = new ArrayList<>();
          Optional<Node> command = get(container, "command");
          Optional<Node> args = get(container, "args");
          command.ifPresent(c -> words.addAll(items(c)));
          args.ifPresent(a -> words.addAll(items(a)));
          if (words.isEmpty()) {
            continue;
          }
          jobs.add(
              new ScheduledJob(
                  kind, label, line(command.orElseGet(args::get)), YamlNodes.shellLine(words), ""));
        }
      }
    }
    return jobs;
  }

  /**
   * Docker Compose: a service's {@code command} (and {@code entrypoint}); a service that publishes
   * {@code ports} is {@code http}, any other a {@code worker}.
   */
  static List<ScheduledJob> compose(Node document) {
    List<ScheduledJob> jobs = new ArrayList<>();
    for (NodeTuple service : entries(get(document, "services").orElse(null))) {
      String name = text(service.getKeyNode()).orElse("");
      Node body = service.getValueNode();
      EntryPointKind kind =
          get(body, "ports").isPresent() ? EntryPointKind.HTTP : EntryPointKind.WORKER;
      List<Node> words = new ArrayList<>();
      Optional<Node> entrypoint = get(body, "entrypoint");
      Optional<Node> command = get(body, "command");
      entrypoint.ifPresent(e -> words.addAll(items(e)));
      command.ifPresent(c -> words.addAll(items(c)));
      if (words.isEmpty()) {
        continue;
      }
      Node first = entrypoint.orElseGet(command::get);
      String line = words.size() == 1 ? text(words.get(0)).orElse("") : YamlNodes.shellLine(words);
      jobs.add(
          new ScheduledJob(
              kind,
              "compose service " + name,
              commandLine(first),
              line,
              string(body, "working_dir").startsWith("/") ? "" : string(body, "working_dir")));
    }
    return jobs;
  }

  /**
   * GitHub Actions: the {@code run:} steps of a workflow; {@code cron} when it runs {@code on:
   * schedule}, else {@code script}.
   */
  static List<ScheduledJob> githubActions(String fileName, Node document) {
    List<String> crons = new ArrayList<>();
    at(document, "on", "schedule")
        .map(YamlNodes::items)
        .orElse(List.of())
        .forEach(s -> crons.add(string(s, "cron")));
    EntryPointKind kind = crons.isEmpty() ? EntryPointKind.SCRIPT : EntryPointKind.CRON;
    List<ScheduledJob> jobs = new ArrayList<>();
    for (NodeTuple job : entries(get(document, "jobs").orElse(null))) {
      String name =
          crons.isEmpty()
              ? "workflow " + fileName + " job " + text(job.getKeyNode()).orElse("")
              : fileName + " (cron " + String.join(", ", crons) + ")";
      for (Node step : get(job.getValueNode(), "steps").map(YamlNodes::items).orElse(List.of())) {
        Optional<Node> run = get(step, "run");
        if (run.isPresent() && text(run.get()).isPresent()) {
          jobs.add(
              new ScheduledJob(
                  kind,
                  name,
                  commandLine(run.get()),
                  text(run.get()).get(),
                  string(step, "working-directory")));
        }
      }
    }
    return jobs;
  }

  /**
   * GitLab CI: each job's {@code script} lines; {@code cron} when its {@code rules} test {@code
   * $CI_PIPELINE_SOURCE == "schedule"} or {@code only} lists {@code schedules}, else {@code
   * script}.
   */
  static List<ScheduledJob> gitlabCi(Node document) {
    List<ScheduledJob> jobs = new ArrayList<>();
    for (NodeTuple entry : entries(document)) {
      String name = text(entry.getKeyNode()).orElse("");
      Node job = entry.getValueNode();
      Optional<Node> script = get(job, "script");
      if (GITLAB_KEYWORDS.contains(name) || name.startsWith(".") || script.isEmpty()) {
        continue;
      }
      boolean scheduled =
          get(job, "rules").map(YamlNodes::items).orElse(List.of()).stream()
                  .map(r -> string(r, "if"))
                  .anyMatch(c -> c.contains("CI_PIPELINE_SOURCE") && c.contains("\"schedule\""))
              || get(job, "only").map(YamlNodes::items).orElse(List.of()).stream()
                  .anyMatch(o -> text(o).orElse("").equals("schedules"));
      for (Node command : items(script.get())) {
        text(command)
            .ifPresent(
                c ->
                    jobs.add(
                        new ScheduledJob(
                            scheduled ? EntryPointKind.CRON : EntryPointKind.SCRIPT,
                            "gitlab job " + name + (scheduled ? " (schedule)" : ""),
                            commandLine(command),
                            c,
                            "")));
      }
    }
    return jobs;
  }

  /**
   * {@code app.json} (Heroku, Dokku): {@code cron} entries ({@code command}, {@code schedule}) are
   * {@code cron}; the {@code predeploy}/{@code postdeploy} scripts are {@code script}s.
   */
  static List<ScheduledJob> appJson(Node document) {
    List<ScheduledJob> jobs = new ArrayList<>();
    for (Node cron : get(document, "cron").map(YamlNodes::items).orElse(List.of())) {
      get(cron, "command")
          .ifPresent(
              c ->
                  jobs.add(
                      new ScheduledJob(
                          EntryPointKind.CRON,
                          "app.json cron (" + string(cron, "schedule") + ")",
                          line(c),
                          text(c).orElse(""),
                          "")));
    }
    for (Node scripts :
        List.of(get(document, "scripts"), at(document, "scripts", "dokku")).stream()
            .flatMap(Optional::stream)
            .toList()) {
      for (NodeTuple script : entries(scripts)) {
        String hook = text(script.getKeyNode()).orElse("");
        Optional<String> command = text(script.getValueNode());
        if (command.isPresent() && hook.endsWith("deploy")) {
          jobs.add(
              new ScheduledJob(
                  EntryPointKind.SCRIPT,
                  "app.json " + hook,
                  line(script.getValueNode()),
                  command.get(),
                  ""));
        }
      }
    }
    return jobs;
  }

  /** The line a scalar's text starts on: the next line for {@code |} and {@code >} blocks. */
  private static int commandLine(Node node) {
    if (node instanceof ScalarNode scalar
        && (scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
            || scalar.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED)) {
      return line(node) + 1;
    }
    return line(node);
  }
}
