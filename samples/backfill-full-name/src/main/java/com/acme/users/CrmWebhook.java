package com.acme.users;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The CRM pushes name corrections; it was written before anyone planned full_name. */
@RestController
public class CrmWebhook {

  private final JdbcTemplate jdbc;

  public CrmWebhook(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @PostMapping("/webhooks/crm")
  public void contactUpdated(
      @RequestHeader("X-Crm-Signature") String signature,
      @RequestParam String email,
      @RequestParam String name) {
    // expect: read users.email @webhook, related dual-write-gap, write users.name @webhook
    jdbc.update("UPDATE users SET name = ? WHERE email = ?", name, email);
  }
}
