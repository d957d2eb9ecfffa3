package com.acme.reminders;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Texts customers whose subscription renews tomorrow, at every number they gave us. */
@Component
public class SmsReminderJob {

  private final JdbcTemplate jdbc;

  public SmsReminderJob(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Scheduled(cron = "0 0 9 * * *")
  public void remindRenewals() {
    // expect: read customer_contacts.phone @cron, read customer_contacts.customer_id @cron, read subscriptions.customer_id @cron, read subscriptions.renews_on @cron
    List<Map<String, Object>> due = jdbc.queryForList(
        "SELECT cc.phone FROM customer_contacts cc JOIN subscriptions s ON s.customer_id = cc.customer_id"
            + " WHERE s.renews_on = current_date + 1");
    for (Map<String, Object> row : due) {
      text((String) row.get("phone"), "Your subscription renews tomorrow.");
    }
  }

  private void text(String phone, String message) {
    // SMS delivery is out of scope for the sample.
  }
}
