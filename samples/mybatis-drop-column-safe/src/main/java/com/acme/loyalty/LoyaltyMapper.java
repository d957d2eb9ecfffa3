package com.acme.loyalty;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Annotation mapper: the SQL sits on the methods. Only the ledger is written now. */
@Mapper
public interface LoyaltyMapper {

  // expect: write loyalty_ledger.customer_id @http @cron, write loyalty_ledger.points @http @cron, write loyalty_ledger.reason @http @cron
  @Insert(
      "INSERT INTO loyalty_ledger (customer_id, points, reason)"
          + " VALUES (#{customerId}, #{points}, #{reason})")
  void record(
      @Param("customerId") long customerId,
      @Param("points") int points,
      @Param("reason") String reason);
}
