package com.acme.reminders;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Texts customers whose subscription renews tomorrow. Nobody moved it to customer_contacts. */
@Component
public class SmsReminderJob {

  private final JdbcTemplate jdbc;

  public SmsReminderJob(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Scheduled(cron = "0 0 9 * * *")
  public void remindRenewals() {
    // expect: read customers.phone @cron, read customers.id @cron, read subscriptions.customer_id @cron, read subscriptions.renews_on @cron, related drop-column-still-read
    List<Map<String, Object>> due = jdbc.queryForList(
        "SELECT c.phone FROM customers c JOIN subscriptions s ON s.customer_id = c.id"
            + " WHERE s.renews_on = current_date + 1");
    for (Map<String, Object> row : due) {
      text((String) row.get("phone"), "Your subscription renews tomorrow.");
    }
  }

  private void text(String phone, String message) {
    // SMS delivery is out of scope for the sample.
  }
}
