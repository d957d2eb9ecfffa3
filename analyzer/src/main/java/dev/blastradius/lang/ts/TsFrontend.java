package dev.blastradius.lang.ts;

import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.LanguageFrontend;
import dev.blastradius.lang.treesitter.Grammar;
import dev.blastradius.lang.treesitter.TreeSitterParser;
import dev.blastradius.lang.ts.prisma.PrismaSchema;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Language;
import dev.blastradius.source.SourceFile;
import dev.blastradius.source.SourceText;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The TypeScript/JavaScript frontend: tree-sitter with the grammar each extension needs ({@code
 * .ts} TypeScript, {@code .tsx} TSX, JavaScript with JSX for the rest), one parser per thread, each
 * parse under a time limit, the tree dropped after the file is read. Files without database words
 * skip tree-sitter ({@link DatabaseVocabulary}); syntax errors and timeouts are problems, and the
 * {@link IslandLexer} recovers SQL from what could not be parsed. Files of both languages are
 * linked together ({@link TsLinker}).
 */
public final class TsFrontend implements LanguageFrontend {

  /** The default per-file parse limit. */
  public static final Duration PARSE_LIMIT = Duration.ofSeconds(10);

  private final Duration limit;

  public TsFrontend() {
    this(PARSE_LIMIT);
  }

  /** A frontend with another parse limit (tests). */
  public TsFrontend(Duration limit) {
    this.limit = limit;
  }

  @Override
  public Language language() {
    return Language.TYPESCRIPT;
  }

  @Override
  public List<Language> languages() {
    return List.of(Language.TYPESCRIPT, Language.JAVASCRIPT, Language.PRISMA);
  }

  /** The grammar for a file: TSX and JSX need their own, {@code .ts} must not get TSX's. */
  public static Grammar grammar(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".tsx")) {
      return Grammar.TSX;
    }
    if (lower.endsWith(".ts") || lower.endsWith(".mts") || lower.endsWith(".cts")) {
      return Grammar.TYPESCRIPT;
    }
    return Grammar.JAVASCRIPT;
  }

  @Override
  public FileFacts extract(SourceFile file, String text, ExtractContext context) {
    if (file.language() == Language.PRISMA) {
      return prismaSchema(file.path(), text);
    }
    String lower = file.path().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".d.ts") || lower.endsWith(".d.mts") || lower.endsWith(".d.cts")) {
      return new FileFacts.Builder(file.path()).build(); // declarations only, no code
    }
    if (!DatabaseVocabulary.mentionsDatabase(text)) {
      TsModule module = new TsModule(file.path(), false);
      module.specifiers.addAll(IslandLexer.specifiers(text));
      return new FileFacts.Builder(file.path()).state(module).build();
    }
    return parse(file.path(), text, context);
  }

  /** A Prisma schema: its models are linked with the client calls that use them. */
  private static FileFacts prismaSchema(String path, String text) {
    PrismaSchema schema = PrismaSchema.parse(path, text);
    FileFacts.Builder facts = new FileFacts.Builder(path);
    for (PrismaSchema.Problem problem : schema.problems()) {
      facts.problem(new AnalysisProblem(path, "extract", problem.message(), problem.line()));
    }
    return facts.state(schema).build();
  }

  /** Reads a file with tree-sitter whatever its words (the linker found it matters). */
  FileFacts parse(String path, String text, ExtractContext context) {
    Grammar grammar = grammar(path);
    TreeSitterParser.Result result = TreeSitterParser.parse(grammar, path, text, limit);
    if (result instanceof TreeSitterParser.Result.Parsed parsed) {
      return ModuleReader.read(parsed.tree(), text, context);
    }
    String cause =
        result instanceof TreeSitterParser.Result.TimedOut timedOut
            ? "parsing took longer than " + timedOut.limit().toMillis() + " ms"
            : ((TreeSitterParser.Result.Unavailable) result).reason();
    FileFacts.Builder facts = new FileFacts.Builder(path);
    facts.problem(
        new AnalysisProblem(
            path,
            "extract",
            cause + "; only SQL in string literals was read (as possible accesses)",
            0));
    return IslandFallback.whole(path, text, context, facts);
  }

  @Override
  public List<FileFacts> link(List<FileFacts> files, ExtractContext context) {
    TsLinker linker =
        new TsLinker(context, file -> parse(file.path(), SourceText.read(file).text(), context));
    return linker.link(files);
  }
}
