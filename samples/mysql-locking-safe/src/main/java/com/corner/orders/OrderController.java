package com.corner.orders;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Checkout and order status: every request touches orders. */
@RestController
public class OrderController {

  private final JdbcTemplate jdbc;

  public OrderController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @PostMapping("/orders")
  public void checkout(@RequestParam long customer, @RequestParam int total) {
    // expect: write orders.customer_id @http, write orders.status @http, write orders.total @http, write orders.created_at @http
    jdbc.update(
        "INSERT INTO orders (customer_id, status, total, created_at) VALUES (?, 'new', ?, NOW())",
        customer,
        total);
  }

  @GetMapping("/orders/{id}")
  public String status(@PathVariable long id) {
    // expect: read orders.status @http, read orders.id @http
    return jdbc.queryForObject("SELECT status FROM orders WHERE id = ?", String.class, id);
  }
}
