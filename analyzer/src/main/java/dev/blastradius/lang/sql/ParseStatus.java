package dev.blastradius.lang.sql;

/** How far we got with one statement; the three counts of the parse coverage. */
public enum ParseStatus {
  /** JSqlParser parsed it; accesses and changes come from its tree. */
  PARSED,
  /** JSqlParser failed, our token classifier recognised it. */
  FALLBACK,
  /** Nobody could read it: an {@code AnalysisProblem}. */
  UNANALYSED
}
