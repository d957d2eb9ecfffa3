package dev.blastradius.lang;

import dev.blastradius.source.Language;
import dev.blastradius.source.SourceFile;
import java.util.List;

/**
 * Extracts the facts of one source file: accesses with the code unit that makes them, the units and
 * calls of the call graph, declared entry points, and problems. A frontend never throws for bad
 * input; it records a problem and returns what it could recover. Implementations are thread-safe.
 */
public interface LanguageFrontend {

  /** The language this frontend reads. */
  Language language();

  /**
   * Every language this frontend reads (TypeScript and JavaScript import each other); the files of
   * all of them are linked together. The default is {@link #language()} alone.
   */
  default List<Language> languages() {
    return List.of(language());
  }

  /** The facts of {@code file}, whose decoded text is {@code text}. */
  FileFacts extract(SourceFile file, String text, ExtractContext context);

  /**
   * Finishes every file of this language once all are read: resolves what one file uses from
   * another (an entity mapped in one file, loaded through a repository in another). Returns the
   * files, in the same order, without their {@link FileFacts#state()}. The default has nothing to
   * link.
   */
  default List<FileFacts> link(List<FileFacts> files, ExtractContext context) {
    return files;
  }
}
