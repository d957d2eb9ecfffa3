package com.shop.orders;

import java.math.BigDecimal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class OrderController {

  private final JdbcTemplate jdbc;

  public OrderController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/orders/{id}/total")
  public BigDecimal total(@PathVariable long id) {
    // expect: read orders.total @http, read orders.id @http, related rename-column-still-referenced
    return jdbc.queryForObject("SELECT total FROM orders WHERE id = ?", BigDecimal.class, id);
  }

  @PostMapping("/orders")
  public void create(@RequestBody NewOrder order) {
    // expect: write orders.customer_email @http, write orders.total @http, related rename-column-still-referenced
    jdbc.update("INSERT INTO orders (customer_email, total) VALUES (?, ?)", order.email(), order.total());
  }

  /** The request body. */
  public record NewOrder(String email, BigDecimal total) {}
}
