package com.acme.crm.customer;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/customers")
public class CustomerController {

  private final CustomerRepository customers;

  public CustomerController(CustomerRepository customers) {
    this.customers = customers;
  }

  @GetMapping("/{id}")
  public ResponseEntity<Customer> get(@PathVariable long id) {
    // expect: read customers.id @http, read customers.full_name @http, read customers.phone @http, read customers.sms_opt_in @http, related rename-column-still-referenced
    return ResponseEntity.of(customers.findById(id));
  }

  @GetMapping("/lookup")
  public ResponseEntity<Customer> byPhone(@RequestParam String phone) {
    // expect: read customers.id @http, read customers.full_name @http, read customers.phone @http, read customers.sms_opt_in @http, related rename-column-still-referenced
    return ResponseEntity.of(customers.findByPhone(phone));
  }
}
