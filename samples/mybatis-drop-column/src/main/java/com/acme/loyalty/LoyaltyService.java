package com.acme.loyalty;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Awards and expires points: a ledger entry plus the old running total. */
@Service
public class LoyaltyService {

  private final LoyaltyMapper loyalty;

  public LoyaltyService(LoyaltyMapper loyalty) {
    this.loyalty = loyalty;
  }

  @Transactional
  public void award(long customerId, int points, String reason) {
    loyalty.record(customerId, points, reason);
    loyalty.addPoints(customerId, points);
  }
}
