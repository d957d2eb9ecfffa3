package com.shop.billing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Marks open orders as invoiced; touches only id and status, so the rename does not affect it. */
@Component
public class InvoiceJob {

  private final JdbcTemplate jdbc;

  public InvoiceJob(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Scheduled(fixedDelay = 60000)
  public void invoiceOpenOrders() {
    // expect: write orders.status @cron, read orders.status @cron
    jdbc.update("UPDATE orders SET status = 'invoiced' WHERE status = 'open'");
  }
}
