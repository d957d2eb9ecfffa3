package com.acme.web;

import com.acme.customers.CustomerMapper;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SignupController {

  private final CustomerMapper customers;

  public SignupController(CustomerMapper customers) {
    this.customers = customers;
  }

  @PostMapping("/signup")
  public void signup(@RequestBody CustomerMapper.NewCustomer form) {
    customers.insertSelective(form);
  }

  @PutMapping("/customers/{id}/country")
  public void changeCountry(@PathVariable long id, @RequestBody String country) {
    customers.updateCountry(id, country);
  }
}
