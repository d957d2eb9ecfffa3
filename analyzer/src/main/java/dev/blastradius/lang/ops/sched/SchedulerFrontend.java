package dev.blastradius.lang.ops.sched;

import dev.blastradius.graph.CodeUnit;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.LanguageFrontend;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Language;
import dev.blastradius.source.Location;
import dev.blastradius.source.SourceFile;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Schedulers and process definitions as entry points: each job a crontab, Kubernetes workload,
 * GitHub Actions or GitLab CI job, Procfile, Compose service, systemd service or {@code app.json}
 * defines is a code unit of that file carrying the job's entry point, with calls to the code its
 * command runs ({@link CommandLinks}), so that code's accesses get the job's kind. SQL run inline
 * by {@code psql}/{@code mysql} in a command is read where it stands. Files are recognised by name
 * and place ({@link Format#of}); any other YAML or JSON file is not parsed. Vercel crons are read
 * by the TypeScript frontend, which owns the routes they call.
 */
public final class SchedulerFrontend implements LanguageFrontend {

  /** The scheduler formats, recognised by file name and place. */
  enum Format {
    CRONTAB,
    PROCFILE,
    SYSTEMD,
    KUBERNETES,
    COMPOSE,
    GITHUB_ACTIONS,
    GITLAB_CI,
    APP_JSON;

    /** The format of a file, or empty when it is none of ours (then it is not parsed). */
    static Optional<Format> of(String path, String text) {
      String name = path.substring(path.lastIndexOf('/') + 1);
      boolean yaml = name.endsWith(".yml") || name.endsWith(".yaml");
      if (name.equals("crontab") || name.endsWith(".cron") || ("/" + path).contains("/cron.d/")) {
        return Optional.of(CRONTAB);
      } else if (name.equals("Procfile")) {
        return Optional.of(PROCFILE);
      } else if (name.endsWith(".service")) {
        return Optional.of(SYSTEMD);
      } else if (name.equals("app.json")) {
        return Optional.of(APP_JSON);
      } else if (yaml && ("/" + path).contains("/.github/workflows/")) {
        return Optional.of(GITHUB_ACTIONS);
      } else if (name.equals(".gitlab-ci.yml") || name.equals(".gitlab-ci.yaml")) {
        return Optional.of(GITLAB_CI);
      } else if (yaml && (name.startsWith("docker-compose") || name.startsWith("compose"))) {
        return Optional.of(COMPOSE);
      } else if (yaml
          && text.contains("kind:")
          && YamlFormats.WORKLOADS.keySet().stream().anyMatch(text::contains)) {
        return Optional.of(KUBERNETES);
      }
      return Optional.empty();
    }
  }

  @Override
  public Language language() {
    return Language.SCHEDULE;
  }

  @Override
  public List<Language> languages() {
    return List.of(Language.SCHEDULE, Language.YAML, Language.JSON);
  }

  @Override
  public FileFacts extract(SourceFile file, String text, ExtractContext context) {
    FileFacts.Builder facts = new FileFacts.Builder(file.path());
    Optional<Format> format = Format.of(file.path(), text);
    if (format.isEmpty()) {
      return facts.build();
    }
    List<ScheduledJob> jobs;
    try {
      jobs = jobs(format.get(), file, text, new RepoPaths(context.files()));
    } catch (YAMLException e) {
      int line =
          e instanceof MarkedYAMLException marked && marked.getProblemMark() != null
              ? marked.getProblemMark().getLine() + 1
              : 0;
      facts.problem(
          new AnalysisProblem(
              file.path(),
              "extract",
              "the file cannot be read as YAML ("
                  + firstLine(e.getMessage())
                  + "); the jobs it defines were not analysed",
              line));
      return facts.build();
    }
    RepoPaths paths = new RepoPaths(context.files());
    Set<String> ids = new HashSet<>();
    for (ScheduledJob job : jobs) {
      String id = ScheduledScripts.UNIT_PREFIX + file.path() + ":" + job.line();
      for (int n = 2; !ids.add(id); n++) {
        id = ScheduledScripts.UNIT_PREFIX + file.path() + ":" + job.line() + "#" + n;
      }
      Location location = Location.ofLine(file.path(), job.line());
      facts.unit(new CodeUnit(id, file.fileName(), id, -1, location));
      facts.entryPoint(id, new EntryPoint(job.kind(), job.name(), location));
      String directory = job.directory().isEmpty() ? directoryOf(file.path()) : job.directory();
      new CommandLinks(file, id, facts, context, paths)
          .link(new ScheduledJob(job.kind(), job.name(), job.line(), job.command(), directory));
    }
    return facts.build();
  }

  private static List<ScheduledJob> jobs(
      Format format, SourceFile file, String text, RepoPaths paths) {
    return switch (format) {
      case CRONTAB -> LineFormats.crontab(file.path(), text);
      case PROCFILE -> LineFormats.procfile(text);
      case SYSTEMD -> {
        String stem = file.path().substring(0, file.path().length() - ".service".length());
        yield LineFormats.systemdService(file.fileName(), text, paths.has(stem + ".timer"));
      }
      case KUBERNETES -> YamlFormats.kubernetes(YamlNodes.documents(text));
      case COMPOSE -> first(text).map(YamlFormats::compose).orElse(List.of());
      case GITHUB_ACTIONS ->
          first(text).map(d -> YamlFormats.githubActions(file.fileName(), d)).orElse(List.of());
      case GITLAB_CI -> first(text).map(YamlFormats::gitlabCi).orElse(List.of());
      case APP_JSON -> first(text).map(YamlFormats::appJson).orElse(List.of());
    };
  }

  private static Optional<Node> first(String text) {
    return YamlNodes.documents(text).stream().findFirst();
  }

  private static String directoryOf(String path) {
    return path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
  }

  private static String firstLine(String message) {
    String text = message == null ? "malformed" : message.strip();
    return text.contains("\n") ? text.substring(0, text.indexOf('\n')) : text;
  }
}
