package dev.blastradius.lang;

import dev.blastradius.graph.Access;

/**
 * An access as a frontend found it, before entry points are known: the {@link
 * dev.blastradius.graph.CodeUnit} that performs it decides which entry points reach it.
 */
public record UnitAccess(String unitId, Access access) {}
