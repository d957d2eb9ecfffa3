package dev.blastradius.lang;

import dev.blastradius.lang.sql.SqlFrontend;
import dev.blastradius.schema.Catalog;
import dev.blastradius.source.SourceFile;
import java.util.List;

/**
 * What every frontend needs besides the file: the replayed schema, the SQL frontend to hand
 * embedded SQL to, every discovered file (for configuration such as Spring's {@code
 * application.properties}), and how many threads a link phase may parse files on ({@code
 * --threads}).
 */
public record ExtractContext(
    Catalog catalog, SqlFrontend sql, List<SourceFile> files, int threads) {
  public ExtractContext {
    files = List.copyOf(files);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
  }

  /** A context whose link phases parse on the calling thread only. */
  public ExtractContext(Catalog catalog, SqlFrontend sql, List<SourceFile> files) {
    this(catalog, sql, files, 1);
  }
}
