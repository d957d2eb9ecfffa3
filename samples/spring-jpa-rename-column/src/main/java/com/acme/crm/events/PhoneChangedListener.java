package com.acme.crm.events;

import com.acme.crm.customer.CustomerRepository;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.annotation.Transactional;

/** Applies phone changes published by the identity service. */
public class PhoneChangedListener {

  private final CustomerRepository customers;

  public PhoneChangedListener(CustomerRepository customers) {
    this.customers = customers;
  }

  @KafkaListener(topics = "customer-phone-changed")
  @Transactional
  public void onPhoneChanged(PhoneChanged event) {
    // expect: read customers.id @worker, read customers.full_name @worker, read customers.phone @worker, read customers.sms_opt_in @worker, write customers.phone @worker, related rename-column-still-referenced, related rename-column-still-referenced
    customers.findById(event.customerId()).ifPresent(customer -> customer.setPhone(event.phone()));
  }

  public record PhoneChanged(long customerId, String phone) {}
}
