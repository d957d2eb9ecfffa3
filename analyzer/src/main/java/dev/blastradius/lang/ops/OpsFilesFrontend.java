package dev.blastradius.lang.ops;

import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.LanguageFrontend;
import dev.blastradius.lang.ops.dashboards.DashboardJsonFrontend;
import dev.blastradius.lang.ops.dashboards.MetabaseYamlFrontend;
import dev.blastradius.lang.ops.sched.SchedulerFrontend;
import dev.blastradius.source.Language;
import dev.blastradius.source.SourceFile;
import java.util.List;

/**
 * The YAML and JSON files outside application code, read by every reader that knows a format of
 * them: schedulers and process definitions ({@link SchedulerFrontend}: crontabs, Kubernetes, CI,
 * Compose, app.json), Grafana, Metabase and Redash exports ({@link DashboardJsonFrontend}, {@link
 * MetabaseYamlFrontend}). Each reader recognises its own files cheaply and leaves the others alone,
 * so one file may hold both a job and a query; their facts are merged.
 */
public final class OpsFilesFrontend implements LanguageFrontend {

  private final SchedulerFrontend schedulers = new SchedulerFrontend();
  private final DashboardJsonFrontend jsonDashboards = new DashboardJsonFrontend();
  private final MetabaseYamlFrontend yamlDashboards = new MetabaseYamlFrontend();

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
    facts.addAll(schedulers.extract(file, text, context));
    if (file.language() == Language.JSON) {
      facts.addAll(jsonDashboards.extract(file, text, context));
    } else if (file.language() == Language.YAML) {
      facts.addAll(yamlDashboards.extract(file, text, context));
    }
    return facts.build();
  }
}
