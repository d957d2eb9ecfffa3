package com.acme.loyalty;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/** Annotation mapper: the SQL sits on the methods. */
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

  /** Still keeps the running total up to date next to the ledger (the dual write). */
  // expect: write customers.loyalty_points @http @cron, read customers.loyalty_points @http @cron, read customers.id @http @cron, related drop-column-still-read, related drop-column-still-written
  @Update({
    "UPDATE customers",
    "   SET loyalty_points = loyalty_points + #{points}",
    " WHERE id = #{customerId}"
  })
  void addPoints(@Param("customerId") long customerId, @Param("points") int points);
}
