package dev.blastradius.lang.java.link;

import dev.blastradius.source.Location;

/**
 * A {@code BeanPropertyRowMapper} or {@code DataClassRowMapper} of a class handed to a JDBC call:
 * the rows the call's SQL returns are mapped onto the class's properties by name, so the columns
 * matching a property are consumed, not just fetched.
 *
 * @param location the host statement of the call, where its SQL accesses are
 * @param className the simple name of the mapped class
 */
public record RowMapperUse(Location location, String className) {}
