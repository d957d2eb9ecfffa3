package com.shop.orders;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The marketplace partner posts its own order reference, a free-form string. */
@RestController
public class PartnerWebhook {

  private final JdbcTemplate jdbc;

  public PartnerWebhook(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @PostMapping("/partner/orders")
  public void link(
      @RequestHeader("X-Partner-Signature") String signature,
      @RequestParam long orderId,
      @RequestParam String reference) {
    // expect: read orders.id @webhook, write orders.external_id @webhook
    jdbc.update("UPDATE orders SET external_id = ? WHERE id = ?", reference, orderId);
  }
}
