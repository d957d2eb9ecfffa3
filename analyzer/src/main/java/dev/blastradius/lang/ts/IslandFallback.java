package dev.blastradius.lang.ts;

import dev.blastradius.graph.CodeUnit;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.HostedSql;
import dev.blastradius.source.Location;
import java.util.function.IntPredicate;

/**
 * SQL in the string and template literals of code tree-sitter could not read (a file that timed
 * out, or the regions of a file it had to recover from): found by the {@link IslandLexer}, always
 * {@code possible}, at the literal's line.
 */
final class IslandFallback {

  private IslandFallback() {}

  /**
   * Records the SQL-looking literals of {@code text} on the lines {@code lines} accepts, as
   * accesses of {@code unitId}; returns how many it found.
   */
  static int record(
      FileFacts.Builder facts,
      ExtractContext context,
      String unitId,
      String text,
      IntPredicate lines) {
    int found = 0;
    for (IslandLexer.Token token : IslandLexer.tokens(text)) {
      if (token.value() == null || !lines.test(token.line()) || !token.value().looksLikeSql()) {
        continue;
      }
      found++;
      Location location = Location.ofLine(facts.path(), token.line());
      TsSite.record(
          facts,
          context,
          unitId,
          location,
          HostedSql.snippet(token.value().text()),
          token.value(),
          Via.SQL,
          Confidence.POSSIBLE);
    }
    return found;
  }

  /** The facts of a file read by the lexer alone: one unit for the file, SQL literals, imports. */
  static FileFacts whole(
      String path, String text, ExtractContext context, FileFacts.Builder facts) {
    TsModule module = new TsModule(path, true);
    String unitId = ModuleReader.unitId(path, TsModule.MODULE_UNIT, 1, 1);
    String fileName = path.substring(path.lastIndexOf('/') + 1);
    facts.unit(new CodeUnit(unitId, fileName, unitId, 0, Location.ofLine(path, 1)));
    module.units.put(TsModule.MODULE_UNIT, unitId);
    module.specifiers.addAll(IslandLexer.specifiers(text));
    module.touchesDatabase = record(facts, context, unitId, text, line -> true) > 0;
    return facts.state(module).build();
  }
}
