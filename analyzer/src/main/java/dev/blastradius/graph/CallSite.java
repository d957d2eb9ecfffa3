package dev.blastradius.graph;

/**
 * A call from one unit to a callee known by name and arity.
 *
 * @param receiverType the simple name of the receiver's declared type when we know it, else null
 */
public record CallSite(String callerId, String name, int arity, String receiverType) {}
