package dev.blastradius.lang.ops.dashboards;

import com.fasterxml.jackson.core.JsonFactory;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.LanguageFrontend;
import dev.blastradius.source.Language;
import dev.blastradius.source.SourceFile;
import java.util.List;

/**
 * JSON files that hold SQL run by a dashboard: Grafana dashboards ({@code rawSql} targets),
 * Metabase card exports ({@code dataset_query} of type native) and Redash queries ({@code query}
 * with {@code data_source_id}). Each query is a {@code dashboard} entry point; see {@link
 * GrafanaDashboards} and {@link NativeQuestions}. Other JSON files are skipped after a substring
 * check.
 */
public final class DashboardJsonFrontend implements LanguageFrontend {

  private static final JsonFactory JSON = new JsonFactory();
  private static final List<String> KEYS =
      List.of("\"rawSql\"", "\"dataset_query\"", "\"data_source_id\"");

  @Override
  public Language language() {
    return Language.JSON;
  }

  @Override
  public FileFacts extract(SourceFile file, String text, ExtractContext context) {
    return DashboardFiles.extract(file, text, context, JSON, KEYS, "JSON");
  }
}
