package dev.blastradius.lang.ts;

import dev.blastradius.lang.FileFacts;

/**
 * A data use found while reading a file that only the whole project explains: SQL built from
 * another module's constants, a Prisma model call, a Drizzle table defined elsewhere. Holds no
 * syntax tree; {@link TsLinker} finishes it once every file is read.
 */
public interface PendingUse {

  /** Records the use's accesses (and problems) into {@code facts}. */
  void resolve(TsProject project, FileFacts.Builder facts);
}
