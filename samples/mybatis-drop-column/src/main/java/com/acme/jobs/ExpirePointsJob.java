package com.acme.jobs;

import com.acme.customers.Customer;
import com.acme.customers.CustomerMapper;
import com.acme.loyalty.LoyaltyService;
import java.time.Duration;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Nightly: points of customers inactive for two years expire. */
@Component
public class ExpirePointsJob {

  private final CustomerMapper customers;
  private final LoyaltyService loyalty;

  public ExpirePointsJob(CustomerMapper customers, LoyaltyService loyalty) {
    this.customers = customers;
    this.loyalty = loyalty;
  }

  @Scheduled(cron = "0 30 2 * * *")
  public void expire() {
    Instant since = Instant.now().minus(Duration.ofDays(730));
    for (Customer customer : customers.findDormant(since)) {
      loyalty.award(customer.id(), -customer.loyaltyPoints(), "expired");
    }
  }
}
