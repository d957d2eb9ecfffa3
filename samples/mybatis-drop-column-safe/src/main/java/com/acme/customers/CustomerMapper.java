package com.acme.customers;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Its SQL is in CustomerMapper.xml (same namespace). */
@Mapper
public interface CustomerMapper {

  Customer findById(long id);

  int balance(@Param("customerId") long customerId);

  List<Customer> findDormant(@Param("since") Instant since);
}
