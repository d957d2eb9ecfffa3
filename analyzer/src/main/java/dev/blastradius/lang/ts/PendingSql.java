package dev.blastradius.lang.ts;

import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.source.Location;

/**
 * SQL sent at a code site whose text uses constants of other modules: analysed once every file is
 * read and the constants are known. The references are imports of the file at {@code location}.
 */
record PendingSql(
    String unitId, Location location, String snippet, SqlText sql, Via via, Confidence cap)
    implements PendingUse {

  @Override
  public void resolve(TsProject project, FileFacts.Builder facts) {
    SqlText resolved = sql.resolve(ref -> project.constant(location.path(), ref));
    if (!resolved.looksLikeSql()) {
      return; // the constant was not SQL after all
    }
    TsSite.record(facts, project.context(), unitId, location, snippet, resolved, via, cap);
  }
}
