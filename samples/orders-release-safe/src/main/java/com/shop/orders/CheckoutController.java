package com.shop.orders;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CheckoutController {

  private final JdbcTemplate jdbc;

  public CheckoutController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @PostMapping("/checkout")
  public void checkout(@RequestBody Cart cart) {
    // expect: write orders.channel @http, write orders.customer_id @http, write orders.total @http
    jdbc.update(
        "INSERT INTO orders (customer_id, channel, total) VALUES (?, 'web', ?)",
        cart.customerId(),
        cart.total());
  }

  public record Cart(long customerId, java.math.BigDecimal total) {}
}
