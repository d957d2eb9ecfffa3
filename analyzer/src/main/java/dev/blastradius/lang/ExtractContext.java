package dev.blastradius.lang;

import dev.blastradius.lang.sql.SqlFrontend;
import dev.blastradius.schema.Catalog;

/**
 * What every frontend needs besides the file: the replayed schema and the SQL frontend to hand
 * embedded SQL to.
 */
public record ExtractContext(Catalog catalog, SqlFrontend sql) {}
