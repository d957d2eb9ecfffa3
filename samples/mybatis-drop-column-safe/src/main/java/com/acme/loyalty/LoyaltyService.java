package com.acme.loyalty;

import org.springframework.stereotype.Service;

/** Awards and expires points: one ledger entry each. */
@Service
public class LoyaltyService {

  private final LoyaltyMapper loyalty;

  public LoyaltyService(LoyaltyMapper loyalty) {
    this.loyalty = loyalty;
  }

  public void award(long customerId, int points, String reason) {
    loyalty.record(customerId, points, reason);
  }
}
