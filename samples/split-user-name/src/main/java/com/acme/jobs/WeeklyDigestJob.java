package com.acme.jobs;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Emails every user a weekly digest. Reads whole rows, so it depends on users.name implicitly. */
@Component
public class WeeklyDigestJob {

  private final JdbcTemplate jdbc;

  public WeeklyDigestJob(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Scheduled(cron = "0 0 7 * * MON")
  public void sendDigests() {
    // expect: read users.id @cron, read users.email @cron, read users.name @cron, read users.first_name @cron, read users.last_name @cron, read users.created_at @cron, related drop-column-still-read
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM users");
    for (Map<String, Object> row : rows) {
      send((String) row.get("email"), "Hi " + row.get("name"));
    }
  }

  private void send(String to, String body) {
    // Mail delivery is out of scope for the sample.
  }
}
