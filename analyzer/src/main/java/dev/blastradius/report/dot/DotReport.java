package dev.blastradius.report.dot;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.report.DisplayText;
import dev.blastradius.report.ReportModel;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.RelatedLocation;
import dev.blastradius.source.Location;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Graphviz report: a left-to-right digraph entry point → code site → column, one edge per
 * access coloured by its kind. {@code who} shows only its column; with {@code check}, the sites
 * that make a finding true are drawn red. Every ID and label is a double-quoted DOT string (see
 * {@link #quoted}), so any name survives {@code dot -Tsvg}.
 */
public final class DotReport {

  private static final String READ = "#2563eb";
  private static final String WRITE = "#d97706";
  private static final String DDL = "#6b7280";
  private static final String UNSAFE = "#dc2626";

  private DotReport() {}

  /** The report as a DOT digraph. */
  public static String render(ReportModel model) {
    List<Access> accesses = model.accesses();
    Set<String> unsafe = unsafeSites(model);
    TreeMap<String, String> entryPoints = new TreeMap<>();
    TreeMap<String, String> sites = new TreeMap<>();
    TreeMap<String, String> columns = new TreeMap<>();
    Set<String> edges = new LinkedHashSet<>();
    for (Access access : accesses) {
      String site = siteId(access.location());
      String column = "column:" + access.column().displayName();
      sites.put(site, siteLabel(access.location()));
      columns.put(column, access.column().displayName());
      edges.add(
          quoted(site)
              + " -> "
              + quoted(column)
              + " [label="
              + label(access.kind().jsonName() + (access.implicit() ? " *" : ""))
              + ", color="
              + quoted(color(access.kind()))
              + (access.kind() == AccessKind.DDL ? ", style=dashed" : "")
              + "];");
      for (EntryPoint entryPoint : access.entryPoints()) {
        String id = "entry:" + entryPoint.label() + "@" + entryPoint.location().shortForm();
        entryPoints.put(id, entryPoint.kind().jsonName() + "\n" + entryPoint.name());
        edges.add(quoted(id) + " -> " + quoted(site) + ";");
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("digraph blastradius {\n")
        .append("  graph [rankdir=LR, fontname=\"Helvetica\", nodesep=0.3, ranksep=1.2];\n")
        .append("  node [fontname=\"Helvetica\", fontsize=11];\n")
        .append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#9ca3af\"];\n");
    nodes(entryPoints, "shape=box, style=\"rounded,filled\", fillcolor=\"#eef2ff\"", Set.of(), out);
    nodes(sites, "shape=note, style=filled, fillcolor=\"#f9fafb\"", unsafe, out);
    nodes(columns, "shape=cylinder, style=filled, fillcolor=\"#ecfdf5\"", Set.of(), out);
    new TreeSet<>(edges).forEach(edge -> out.append("  ").append(edge).append('\n'));
    out.append("}\n");
    return out.toString();
  }

  private static void nodes(
      TreeMap<String, String> nodes, String style, Set<String> unsafe, StringBuilder out) {
    nodes.forEach(
        (id, label) -> {
          out.append("  ").append(quoted(id)).append(" [label=").append(label(label));
          out.append(", ").append(style);
          if (unsafe.contains(id)) {
            out.append(", color=").append(quoted(UNSAFE)).append(", penwidth=2");
          }
          out.append("];\n");
        });
  }

  /** The sites that make a finding true, as site IDs. */
  private static Set<String> unsafeSites(ReportModel model) {
    Set<String> unsafe = new HashSet<>();
    if (!model.checked()) {
      return unsafe;
    }
    for (Finding finding : model.result().findings()) {
      for (RelatedLocation site : finding.related()) {
        if (!site.atBase()) {
          // A site in the code at --base is not a node of the working tree's graph.
          unsafe.add(siteId(site.location()));
        }
      }
    }
    return unsafe;
  }

  private static String siteId(Location location) {
    return "site:" + location.shortForm();
  }

  /** {@code UserDao.java:20} over its directory, so long paths stay readable. */
  private static String siteLabel(Location location) {
    String path = location.path();
    int slash = path.lastIndexOf('/');
    String file = path.substring(slash + 1) + ":" + location.startLine();
    return slash < 0 ? file : file + "\n" + path.substring(0, slash);
  }

  private static String color(AccessKind kind) {
    return switch (kind) {
      case READ -> READ;
      case WRITE -> WRITE;
      case DDL -> DDL;
    };
  }

  /**
   * A DOT double-quoted ID: the value with invisible controls revealed (see {@link DisplayText})
   * and escaped by {@link #escape}. IDs are never cut, so distinct long names stay distinct.
   */
  static String quoted(String value) {
    return '"' + escape(DisplayText.reveal(value)) + '"';
  }

  /**
   * A DOT double-quoted label: each {@code \n}-separated line revealed, cut at 200 characters and
   * escaped; the lines joined by DOT's {@code \n}.
   */
  static String label(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    String[] lines = value.split("\n", -1);
    for (int l = 0; l < lines.length; l++) {
      out.append(l > 0 ? "\\n" : "")
          .append(escape(DisplayText.truncate(DisplayText.reveal(lines[l]), 200)));
    }
    return out.append('"').toString();
  }

  /**
   * Escapes the body of a quoted string. The DOT lexer turns {@code \"} into a quote and keeps
   * every other backslash; labels then read {@code \\}, {@code \n}, {@code \N}… as escapes. So a
   * backslash is doubled (a label shows it once; an ID keeps both, consistently) and a quote is
   * escaped. A body ending in a backslash would escape the closing quote, so it gets a space.
   */
  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    if (out.length() > 0 && out.charAt(out.length() - 1) == '\\') {
      out.append(' ');
    }
    return out.toString();
  }
}
