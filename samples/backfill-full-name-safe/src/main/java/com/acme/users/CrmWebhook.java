package com.acme.users;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The CRM pushes name corrections; it writes full_name too since the dual-write release. */
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
    // expect: read users.email @webhook, write users.full_name @webhook, write users.name @webhook
    jdbc.update("UPDATE users SET name = ?, full_name = ? WHERE email = ?", name, name, email);
  }
}
