package dev.blastradius.lang.sql;

/**
 * A job scheduled from SQL with pg_cron: {@code SELECT cron.schedule('name', '0 3 * * *', $$ SQL
 * $$)}. The command runs on the database's clock, so its accesses are a {@code cron} entry point.
 *
 * @param name the job name (pg_cron replaces a job of the same name), or "" when unnamed
 * @param schedule the cron expression
 * @param command the SQL the job runs
 */
public record ScheduledSql(String name, String schedule, String command) {

  /** The entry point name: {@code pg_cron nightly (0 3 * * *)}. */
  public String label() {
    return "pg_cron " + (name.isEmpty() ? "job" : name) + " (" + schedule + ")";
  }
}
