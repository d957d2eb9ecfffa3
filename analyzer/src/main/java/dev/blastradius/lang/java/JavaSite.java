package dev.blastradius.lang.java;

import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.lang.java.link.JavaFileModel;
import dev.blastradius.source.Location;
import java.util.List;

/**
 * What an adapter needs while looking at one method: the file's facts under construction, the unit
 * the method is, the names in scope, and how to turn nodes into locations and snippets.
 */
public final class JavaSite {

  private final FileFacts.Builder facts;
  private final String unitId;
  private final DeclaredTypes names;
  private final StringEvaluator strings;
  private final ExtractContext context;
  private final List<String> lines;
  private final JavaFileModel model;
  private final boolean transactional;

  JavaSite(
      FileFacts.Builder facts,
      String unitId,
      DeclaredTypes names,
      Node member,
      ExtractContext context,
      List<String> lines,
      JavaFileModel model,
      boolean transactional) {
    this.facts = facts;
    this.unitId = unitId;
    this.names = names;
    this.strings = new StringEvaluator(names, member);
    this.context = context;
    this.lines = lines;
    this.model = model;
    this.transactional = transactional;
  }

  /** What this file declares and defers to linking. */
  public JavaFileModel model() {
    return model;
  }

  /** Whether the member runs in a transaction ({@code @Transactional} on it or its class). */
  public boolean transactional() {
    return transactional;
  }

  /** The facts of the file under construction. */
  public FileFacts.Builder facts() {
    return facts;
  }

  /** The code unit (method) being looked at. */
  public String unitId() {
    return unitId;
  }

  /** The names in scope and their declared types. */
  public DeclaredTypes names() {
    return names;
  }

  /** Constant folding for string arguments. */
  public StringEvaluator strings() {
    return strings;
  }

  /** The catalog and the SQL frontend. */
  public ExtractContext context() {
    return context;
  }

  /** The report-relative path of the file. */
  public String path() {
    return facts.path();
  }

  /**
   * The host statement of a node: the nearest enclosing statement (not a block), or the enclosing
   * member declaration for field initialisers.
   */
  public Node hostStatement(Node node) {
    for (Node current = node; current != null; current = current.getParentNode().orElse(null)) {
      if (current instanceof Statement && !(current instanceof BlockStmt)) {
        return current;
      }
      if (current instanceof BodyDeclaration<?>) {
        return current;
      }
    }
    return node;
  }

  /** The location of a node's range; end column is exclusive. */
  public Location location(Node node) {
    Range range = node.getRange().orElse(Range.range(1, 1, 1, 1));
    return new Location(
        path(), range.begin.line, range.begin.column, range.end.line, range.end.column + 1);
  }

  /** The source text of a node's lines, collapsed and shortened for display. */
  public String snippet(Node node) {
    Range range = node.getRange().orElse(Range.range(1, 1, 1, 1));
    int from = Math.max(0, range.begin.line - 1);
    int to = Math.min(lines.size(), range.end.line);
    if (from >= to) {
      return "";
    }
    List<String> span = lines.subList(from, to);
    String text = String.join(" ", span);
    int startColumn = Math.min(Math.max(0, range.begin.column - 1), lines.get(from).length());
    return HostedSql.snippet(text.substring(startColumn));
  }
}
