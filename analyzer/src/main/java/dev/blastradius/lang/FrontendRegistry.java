package dev.blastradius.lang;

import dev.blastradius.lang.java.JavaFrontend;
import dev.blastradius.lang.java.mybatis.MapperXmlFrontend;
import dev.blastradius.lang.ops.OpsFilesFrontend;
import dev.blastradius.lang.ops.docs.MarkdownFrontend;
import dev.blastradius.lang.python.PythonFrontend;
import dev.blastradius.lang.shell.ShellFrontend;
import dev.blastradius.lang.sql.SqlFileFrontend;
import dev.blastradius.lang.ts.TsFrontend;
import dev.blastradius.source.Language;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one explicit list of frontends, by language. */
public final class FrontendRegistry {

  private final Map<Language, LanguageFrontend> frontends = new EnumMap<>(Language.class);

  /** The frontends that ship with blastradius. */
  public static FrontendRegistry standard() {
    return new FrontendRegistry(
        List.of(
            new SqlFileFrontend(),
            new JavaFrontend(),
            new MapperXmlFrontend(),
            new TsFrontend(),
            new PythonFrontend(),
            new ShellFrontend(),
            new OpsFilesFrontend(),
            new MarkdownFrontend()));
  }

  public FrontendRegistry(List<LanguageFrontend> list) {
    for (LanguageFrontend frontend : list) {
      for (Language language : frontend.languages()) {
        if (frontends.put(language, frontend) != null) {
          throw new IllegalStateException("two frontends for " + language);
        }
      }
    }
  }

  /** The frontend for a language, if we have one. */
  public Optional<LanguageFrontend> forLanguage(Language language) {
    return Optional.ofNullable(frontends.get(language));
  }
}
