package dev.blastradius.lang.python;

/**
 * One name an import binds.
 *
 * <ul>
 *   <li>{@code import a.b} binds {@code a} to module {@code a}: {@code (a, 0, "a", null)};
 *   <li>{@code import a.b as c}: {@code (c, 0, "a.b", null)};
 *   <li>{@code from a.b import c as d}: {@code (d, 0, "a.b", "c")};
 *   <li>{@code from ..x import y}: {@code (y, 2, "x", "y")};
 *   <li>{@code from a import *}: {@code ("*", 0, "a", "*")}.
 * </ul>
 *
 * @param level the number of leading dots of a relative import, 0 for absolute ones
 * @param module the dotted module after the dots ("" for {@code from . import x})
 * @param member the imported member, or null when a module itself is bound
 */
public record PyImport(String local, int level, String module, String member, int line) {

  /** Whether this is {@code from m import *}. */
  public boolean wildcard() {
    return "*".equals(member);
  }
}
