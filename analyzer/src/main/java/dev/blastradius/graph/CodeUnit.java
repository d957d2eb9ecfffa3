package dev.blastradius.graph;

import dev.blastradius.source.Location;

/**
 * A callable piece of code: a method, a function, a script, a migration file. Accesses and entry
 * points attach to units; calls connect them.
 *
 * @param id unique across the repository, e.g. {@code app.UserDao#findName/1}
 * @param owner the simple name of the declaring type, or the file name for file-level units
 * @param name the callable name used to match call sites
 * @param arity the number of parameters, or -1 when the unit cannot be called by name
 */
public record CodeUnit(String id, String owner, String name, int arity, Location location) {}
