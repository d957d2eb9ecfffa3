package dev.blastradius.lang.java.link;

import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.java.StringTemplate;
import dev.blastradius.source.Location;

/**
 * SQL handed to the database at a code site whose text refers to constants of other classes: it is
 * analysed once every file is read and the constants are known.
 *
 * @param cap the confidence ceiling the host call allows
 */
public record PendingSql(
    String unitId,
    Location location,
    String snippet,
    StringTemplate sql,
    Via via,
    Confidence cap) {}
