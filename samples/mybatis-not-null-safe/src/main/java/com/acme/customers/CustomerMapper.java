package com.acme.customers;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Its SQL is in CustomerMapper.xml (same namespace). */
@Mapper
public interface CustomerMapper {

  void insertSelective(NewCustomer customer);

  void updateCountry(@Param("id") long id, @Param("country") String country);

  /** What the sign-up form sends; the country is optional there. */
  record NewCustomer(String email, String displayName, String country) {}
}
