package com.acme.web;

import com.acme.customers.Customer;
import com.acme.customers.CustomerMapper;
import com.acme.loyalty.LoyaltyService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/customers")
public class CustomerController {

  private final CustomerMapper customers;
  private final LoyaltyService loyalty;

  public CustomerController(CustomerMapper customers, LoyaltyService loyalty) {
    this.customers = customers;
    this.loyalty = loyalty;
  }

  @GetMapping("/{id}")
  public Profile profile(@PathVariable long id) {
    return new Profile(customers.findById(id), customers.balance(id));
  }

  @PostMapping("/{id}/points")
  public void award(@PathVariable long id, @RequestBody Award award) {
    loyalty.award(id, award.points(), award.reason());
  }

  /** The response: the customer and the balance the ledger sums up. */
  public record Profile(Customer customer, int points) {}

  /** The request body. */
  public record Award(int points, String reason) {}
}
