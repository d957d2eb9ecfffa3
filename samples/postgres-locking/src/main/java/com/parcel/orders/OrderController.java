package com.parcel.orders;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Checkout writes an order on every purchase: orders is the busiest table of the shop. */
@RestController
public class OrderController {

  private final JdbcTemplate jdbc;

  public OrderController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @PostMapping("/orders")
  public void checkout(@RequestParam long account, @RequestParam int totalCents) {
    // expect: write orders.account_id @http, write orders.total_cents @http, write orders.note @http, related create-trigger-on-hot-table
    jdbc.update(
        "INSERT INTO orders (account_id, total_cents, note) VALUES (?, ?, '')",
        account,
        totalCents);
  }

  @GetMapping("/orders/{id}")
  public String status(@PathVariable long id) {
    // expect: read orders.status @http, read orders.id @http
    return jdbc.queryForObject("SELECT status FROM orders WHERE id = ?", String.class, id);
  }
}
