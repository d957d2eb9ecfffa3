package com.shop.coupons;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/** Copies coupons the old shop still issues; nobody remembers it exists. */
public class LegacyCouponSync {

  private JdbcTemplate jdbc;

  @Scheduled(cron = "0 */15 * * * *")
  public void sync() {
    // expect: read legacy_coupons.code @cron, read legacy_coupons.percent @cron, related drop-table-still-referenced, related rename-table-still-referenced, write coupons.code @cron, write coupons.percent @cron
    jdbc.update(
        "INSERT INTO coupons (code, percent) SELECT code, percent FROM legacy_coupons"
            + " ON CONFLICT (code) DO NOTHING");
  }
}
