package com.acme.crm.customer;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

  Optional<Customer> findByPhone(String phone);

  List<Customer> findBySmsOptInTrue();
}
