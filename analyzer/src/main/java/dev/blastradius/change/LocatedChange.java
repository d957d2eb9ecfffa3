package dev.blastradius.change;

import dev.blastradius.source.Location;

/**
 * A schema change at the migration statement that makes it.
 *
 * @param change the change
 * @param location the whole statement, the primary location of findings about it
 * @param statement the statement text, used for stable fingerprints
 */
public record LocatedChange(SchemaChange change, Location location, String statement) {}
