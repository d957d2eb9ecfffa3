package com.shop.coupons;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CouponController {

  private final JdbcTemplate jdbc;

  public CouponController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/coupons/{code}")
  public Integer percent(@PathVariable String code) {
    // expect: read coupons.code @http, read coupons.percent @http, related rename-table-still-referenced
    return jdbc.queryForObject("SELECT percent FROM coupons WHERE code = ?", Integer.class, code);
  }
}
