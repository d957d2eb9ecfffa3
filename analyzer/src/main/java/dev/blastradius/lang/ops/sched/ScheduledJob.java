package dev.blastradius.lang.ops.sched;

import dev.blastradius.graph.EntryPointKind;

/**
 * One thing a scheduler or process manager runs: a crontab line, a CronJob container, a workflow
 * step, a Procfile process.
 *
 * @param kind the entry-point kind its code gets
 * @param name the entry point's name, e.g. {@code CronJob nightly-report (0 3 * * *)}
 * @param line the line of the command in the scheduler file (1-based)
 * @param command the shell command it runs, as one shell line
 * @param directory the working directory it runs in, relative to the repository, or "" for the
 *     scheduler file's directory
 */
record ScheduledJob(EntryPointKind kind, String name, int line, String command, String directory) {}
