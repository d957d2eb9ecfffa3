package com.acme.web;

import com.acme.orders.OrderRepository;
import java.math.BigDecimal;
import org.jooq.Record;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Checkout, the order page and refunds. */
@RestController
public class OrderController {

  private final OrderRepository orders;

  public OrderController(OrderRepository orders) {
    this.orders = orders;
  }

  @PostMapping("/orders")
  public long checkout(@RequestParam String email, @RequestParam BigDecimal total) {
    return orders.place(email, total);
  }

  @GetMapping("/orders/{id}")
  public Record show(@PathVariable long id) {
    return orders.summary(id);
  }

  @PostMapping("/orders/{id}/refunds")
  public void refund(@PathVariable long id, @RequestParam BigDecimal amount) {
    orders.refund(id, amount);
  }
}
