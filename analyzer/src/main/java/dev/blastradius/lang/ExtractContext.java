package dev.blastradius.lang;

import dev.blastradius.lang.sql.SqlFrontend;
import dev.blastradius.schema.Catalog;
import dev.blastradius.source.SourceFile;
import java.util.List;

/**
 * What every frontend needs besides the file: the replayed schema, the SQL frontend to hand
 * embedded SQL to, and every discovered file (for configuration such as Spring's {@code
 * application.properties}).
 */
public record ExtractContext(Catalog catalog, SqlFrontend sql, List<SourceFile> files) {
  public ExtractContext {
    files = List.copyOf(files);
  }
}
