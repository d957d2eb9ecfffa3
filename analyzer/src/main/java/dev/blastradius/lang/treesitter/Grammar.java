package dev.blastradius.lang.treesitter;

import java.util.function.Supplier;
import org.treesitter.TSLanguage;
import org.treesitter.TreeSitterBash;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterPython;
import org.treesitter.TreeSitterTsx;
import org.treesitter.TreeSitterTypescript;

/**
 * The tree-sitter grammars we ship. Each artifact carries its natives for Linux, macOS and Windows;
 * a language object is loaded once, on first use, and shared by every thread (tree-sitter languages
 * are immutable).
 */
public enum Grammar {
  /** {@code .ts}, {@code .mts}, {@code .cts}: the TypeScript grammar proper (no JSX). */
  TYPESCRIPT(TreeSitterTypescript::new),
  /** {@code .tsx}: TypeScript with JSX, where {@code <T>x} casts are not allowed. */
  TSX(TreeSitterTsx::new),
  /**
   * {@code .js}, {@code .jsx}, {@code .mjs}, {@code .cjs}: the JavaScript grammar, JSX included.
   */
  JAVASCRIPT(TreeSitterJavascript::new),
  PYTHON(TreeSitterPython::new),
  BASH(TreeSitterBash::new);

  private final Supplier<TSLanguage> factory;
  private volatile TSLanguage language;

  Grammar(Supplier<TSLanguage> factory) {
    this.factory = factory;
  }

  /** The loaded language; loading extracts and links the grammar's native library once. */
  public TSLanguage language() {
    TSLanguage loaded = language;
    if (loaded == null) {
      synchronized (this) {
        loaded = language;
        if (loaded == null) {
          loaded = factory.get();
          language = loaded;
        }
      }
    }
    return loaded;
  }
}
