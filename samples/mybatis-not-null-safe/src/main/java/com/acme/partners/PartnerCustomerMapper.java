package com.acme.partners;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Annotation mapper for customers that partners send us in bulk. */
@Mapper
public interface PartnerCustomerMapper {

  /** The partner feed carries the country since the feed's v2. */
  // expect: write customers.country @cron, write customers.display_name @cron, write customers.email @cron
  @Insert({
    "<script>",
    "INSERT INTO customers (email, display_name, country) VALUES",
    "<foreach collection='rows' item='row' separator=','>",
    "  (#{row.email}, #{row.name}, #{row.country})",
    "</foreach>",
    "ON CONFLICT (email) DO NOTHING",
    "</script>"
  })
  int insertAll(@Param("rows") List<PartnerFeed.Row> rows);

  /** Names the country: fine, even if a partner sends NULL (that is for tests to catch). */
  // expect: write customers.email @cron, write customers.country @cron
  @Insert(
      "INSERT INTO customers (email, country) VALUES (#{email}, #{country})"
          + " ON CONFLICT (email) DO NOTHING")
  int insertWithCountry(@Param("email") String email, @Param("country") String country);
}
