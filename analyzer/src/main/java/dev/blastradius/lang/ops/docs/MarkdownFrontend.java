package dev.blastradius.lang.ops.docs;

import dev.blastradius.graph.CodeUnit;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.LanguageFrontend;
import dev.blastradius.lang.sql.SqlAnalysis;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Language;
import dev.blastradius.source.Location;
import dev.blastradius.source.SourceFile;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Runbooks and docs in Markdown, parsed with commonmark-java: each fenced code block whose info
 * string starts with {@code sql}, {@code postgresql}, {@code postgres}, {@code pgsql}, {@code
 * mysql} or {@code psql} goes to the SQL frontend. Each block is a {@code doc} entry point named by
 * the file and the nearest heading above it; its accesses are placed at the opening fence (the
 * block is the site, as the {@code jdbc.query(} line is in Java), so a marker or a reader finds
 * them above the fence. psql meta-commands ({@code \d users}) are blanked. Statements that change
 * the schema are skipped: a README that shows the migration it explains does not use the column.
 *
 * <p>Doc accesses are shown by {@code scan} and {@code who}, and mentioned in the contract verdict,
 * but never count towards the blast radius. For the same reason a block that does not parse is a
 * note rather than a problem: docs are full of sketches ({@code SELECT … FROM users}), and a missed
 * mention cannot hide a live reader.
 */
public final class MarkdownFrontend implements LanguageFrontend {

  private static final Set<String> SQL_INFO =
      Set.of("sql", "postgresql", "postgres", "pgsql", "mysql", "psql");
  private static final Parser PARSER =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  @Override
  public Language language() {
    return Language.MARKDOWN;
  }

  @Override
  public FileFacts extract(SourceFile file, String text, ExtractContext context) {
    FileFacts.Builder facts = new FileFacts.Builder(file.path());
    if (!text.contains("```") && !text.contains("~~~")) {
      return facts.build();
    }
    Node document = PARSER.parse(text);
    new Blocks(file.path(), facts, context).visit(document);
    return facts.build();
  }

  /** Walks the document in order, remembering the last heading. */
  private static final class Blocks {
    private final String path;
    private final FileFacts.Builder facts;
    private final ExtractContext context;
    private String heading = "";
    private int count;

    Blocks(String path, FileFacts.Builder facts, ExtractContext context) {
      this.path = path;
      this.facts = facts;
      this.context = context;
    }

    void visit(Node node) {
      if (node instanceof Heading h) {
        heading = text(h).strip();
      } else if (node instanceof FencedCodeBlock block && isSql(block.getInfo())) {
        block(block);
      }
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        visit(child);
      }
    }

    private void block(FencedCodeBlock block) {
      if (block.getSourceSpans().isEmpty()) {
        return;
      }
      SourceSpan fence = block.getSourceSpans().get(0);
      Location site = Location.ofLine(path, fence.getLineIndex() + 1);
      String unitId = "doc:" + path + "#" + ++count;
      String name = heading.isEmpty() ? path : path + " § " + heading;
      facts.unit(new CodeUnit(unitId, path, unitId, 0, site));
      facts.entryPoint(unitId, new EntryPoint(EntryPointKind.DOC, name, site));
      SqlAnalysis analyzed =
          context.sql().analyze(withoutMetaCommands(block.getLiteral()), context.catalog());
      // A schema change shown in a doc (the migration a README explains) is not a use.
      SqlAnalysis analysis =
          new SqlAnalysis(
              analyzed.statements().stream().filter(st -> st.changes().isEmpty()).toList(),
              analyzed.catalogAfter());
      FileFacts.Builder found = new FileFacts.Builder(path);
      HostedSql.record(
          found,
          analysis,
          unitId,
          Via.SQL,
          Confidence.CERTAIN,
          s -> site,
          s -> HostedSql.snippet(s.text()),
          "extract");
      FileFacts recorded = found.build();
      for (AnalysisProblem problem : recorded.problems()) {
        facts.note(
            "the SQL block at line "
                + site.startLine()
                + " was not read: "
                + problem.cause()
                + " (docs are not counted in the blast radius)");
      }
      facts.addAll(
          new FileFacts(
              path,
              recorded.accesses(),
              recorded.units(),
              recorded.calls(),
              recorded.types(),
              recorded.entryPoints(),
              List.of(),
              recorded.coverage(),
              recorded.notes(),
              null,
              List.of()));
    }
  }

  /** Whether a fence's info string names SQL ({@code sql}, {@code sql title="x"}, …). */
  static boolean isSql(String info) {
    String first = info == null ? "" : info.strip().split("[\\s{]", 2)[0];
    return SQL_INFO.contains(first.toLowerCase(Locale.ROOT));
  }

  /** The text of a heading's inline content. */
  private static String text(Node node) {
    StringBuilder out = new StringBuilder();
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Text t) {
        out.append(t.getLiteral());
      } else {
        out.append(text(child));
      }
    }
    return out.toString();
  }

  /** psql meta-command lines ({@code \d users}, {@code \timing}) blanked, line breaks kept. */
  static String withoutMetaCommands(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    for (String line : sql.split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(line.stripLeading().startsWith("\\") ? "" : line);
    }
    return out.toString();
  }
}
