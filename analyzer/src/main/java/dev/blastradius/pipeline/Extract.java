package dev.blastradius.pipeline;

import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.FrontendRegistry;
import dev.blastradius.lang.LanguageFrontend;
import dev.blastradius.lang.Parallel;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Language;
import dev.blastradius.source.SourceFile;
import dev.blastradius.source.SourceText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The extract pass: every file through the frontend for its language, in parallel, then each
 * frontend links the files of its language (cross-file declarations such as JPA entities). A file
 * that throws is recorded as a problem and the run goes on. Results are sorted by path, so the
 * thread count never changes the output.
 */
final class Extract {

  private Extract() {}

  static List<FileFacts> run(
      List<SourceFile> files, FrontendRegistry frontends, ExtractContext context, int threads) {
    List<FileFacts> read = read(files, frontends, context, threads);
    // A frontend that reads several languages links their files together, in path order.
    Map<Language, List<FileFacts>> byLanguage = new EnumMap<>(Language.class);
    for (int i = 0; i < files.size(); i++) {
      Language language = files.get(i).language();
      Language group =
          frontends.forLanguage(language).map(f -> f.languages().get(0)).orElse(language);
      byLanguage.computeIfAbsent(group, l -> new ArrayList<>()).add(read.get(i));
    }
    List<FileFacts> linked = new ArrayList<>();
    for (Map.Entry<Language, List<FileFacts>> language : byLanguage.entrySet()) {
      LanguageFrontend frontend = frontends.forLanguage(language.getKey()).orElse(null);
      List<FileFacts> facts = language.getValue();
      if (frontend == null) {
        linked.addAll(facts);
        continue;
      }
      try {
        linked.addAll(frontend.link(facts, context));
      } catch (RuntimeException | StackOverflowError e) {
        // Linking failed as a whole: keep what each file had, and say so once.
        facts.forEach(f -> linked.add(withoutState(f)));
        linked.add(
            FileFacts.failed(
                ".",
                new AnalysisProblem(
                    ".",
                    "extract",
                    "linking "
                        + language.getKey()
                        + " files failed: An exception was thrown by blastradius: "
                        + e,
                    0)));
      }
    }
    linked.sort(Comparator.comparing(FileFacts::path));
    return linked;
  }

  /**
   * Reads every file on {@code threads} threads; the result is in the order of {@code files}. A
   * file whose frontend throws anything, errors included, gets a problem of its own.
   */
  private static List<FileFacts> read(
      List<SourceFile> files, FrontendRegistry frontends, ExtractContext context, int threads) {
    return Parallel.map(
        files,
        threads,
        file -> extractOne(file, frontends, context),
        (file, e) -> FileFacts.failed(file.path(), crash(file, e)));
  }

  /** Extracts one file; never throws for bad input. */
  static FileFacts extractOne(SourceFile file, FrontendRegistry frontends, ExtractContext context) {
    LanguageFrontend frontend = frontends.forLanguage(file.language()).orElse(null);
    if (frontend == null) {
      return new FileFacts.Builder(file.path()).build();
    }
    SourceText text = SourceText.read(file);
    try {
      FileFacts facts = frontend.extract(file, text.text(), context);
      if (text.problem().isEmpty()) {
        return facts;
      }
      return new FileFacts.Builder(file.path()).problem(text.problem().get()).addAll(facts).build();
    } catch (RuntimeException | StackOverflowError e) {
      return FileFacts.failed(file.path(), crash(file, e));
    }
  }

  private static FileFacts withoutState(FileFacts facts) {
    FileFacts.Builder builder = new FileFacts.Builder(facts.path()).addAll(facts);
    return builder.state(null).build();
  }

  private static AnalysisProblem crash(SourceFile file, Throwable e) {
    return AnalysisProblem.crash(file.path(), "extract", e);
  }
}
