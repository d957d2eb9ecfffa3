package dev.blastradius.lang.ops.dashboards;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.LanguageFrontend;
import dev.blastradius.source.Language;
import dev.blastradius.source.SourceFile;
import java.util.List;

/**
 * YAML files of Metabase's serialization format whose cards hold native SQL ({@code dataset_query:
 * {type: native, native: {query: …}}}): each question is a {@code dashboard} entry point. Other
 * YAML files are skipped after a substring check for {@code dataset_query}.
 */
public final class MetabaseYamlFrontend implements LanguageFrontend {

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final List<String> KEYS = List.of("dataset_query");

  @Override
  public Language language() {
    return Language.YAML;
  }

  @Override
  public FileFacts extract(SourceFile file, String text, ExtractContext context) {
    return DashboardFiles.extract(file, text, context, YAML, KEYS, "YAML");
  }
}
