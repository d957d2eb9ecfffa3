package com.acme.jobs;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Emails every user a weekly digest. Names the columns it needs instead of SELECT *. */
@Component
public class WeeklyDigestJob {

  private final JdbcTemplate jdbc;

  public WeeklyDigestJob(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Scheduled(cron = "0 0 7 * * MON")
  public void sendDigests() {
    // expect: read users.email @cron, read users.first_name @cron
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT email, first_name FROM users");
    for (Map<String, Object> row : rows) {
      send((String) row.get("email"), "Hi " + row.get("first_name"));
    }
  }

  private void send(String to, String body) {
    // Mail delivery is out of scope for the sample.
  }
}
