package dev.blastradius.pipeline;

import dev.blastradius.lang.SqlCoverage;

/**
 * How much of the tree we analysed.
 *
 * @param files files handed to a frontend (migrations included)
 * @param filesWithProblems files with at least one problem
 */
public record Coverage(int files, int filesWithProblems, SqlCoverage sql) {}
