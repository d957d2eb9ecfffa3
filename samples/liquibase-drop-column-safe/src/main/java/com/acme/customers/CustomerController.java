package com.acme.customers;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/customers")
public class CustomerController {

  private final CustomerDao customers;

  public CustomerController(CustomerDao customers) {
    this.customers = customers;
  }

  @GetMapping("/{id}")
  public String show(@PathVariable long id) {
    return customers.describe(id);
  }

  @PostMapping
  public void signUp(
      @RequestParam String email, @RequestParam String name, @RequestParam String phone) {
    customers.create(email, name, phone);
  }
}
