package dev.blastradius.graph;

/**
 * How far a change to one column reaches: distinct entry points and files with live accesses (not
 * counting tests, migrations and docs).
 */
public record BlastRadius(int entryPoints, int files) {}
