package dev.blastradius.pipeline;

import dev.blastradius.lang.treesitter.Grammar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The native parsers the frontends load, for {@code blastradius version --parsers}. */
public final class NativeParsers {

  private NativeParsers() {}

  /** One grammar's load result: its ABI version, or why it cannot be loaded. */
  public record Status(String name, boolean loaded, String detail) {}

  /** Loads every tree-sitter grammar and reports each, in a fixed order. */
  public static List<Status> check() {
    List<Status> result = new ArrayList<>();
    for (Grammar grammar : Grammar.values()) {
      String name = "tree-sitter " + grammar.name().toLowerCase(Locale.ROOT);
      try {
        result.add(new Status(name, true, "ABI " + grammar.language().abiVersion()));
      } catch (LinkageError | RuntimeException e) {
        result.add(new Status(name, false, "cannot load: " + e));
      }
    }
    return result;
  }
}
