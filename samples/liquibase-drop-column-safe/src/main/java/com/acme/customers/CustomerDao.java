package com.acme.customers;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class CustomerDao {

  private final JdbcTemplate jdbc;

  public CustomerDao(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The profile page shows the name and every contact number. */
  public String describe(long id) {
    // expect: read customers.name @http, read customers.id @http
    String name = jdbc.queryForObject("SELECT name FROM customers WHERE id = ?", String.class, id);
    // expect: read customer_contacts.phone @http, read customer_contacts.customer_id @http
    var phones = jdbc.queryForList("SELECT phone FROM customer_contacts WHERE customer_id = ?", String.class, id);
    return name + " " + phones;
  }

  /** Signups already write the number to customer_contacts only. */
  public void create(String email, String name, String phone) {
    // expect: write customers.email @http, write customers.name @http, read customers.id @http
    Long id = jdbc.queryForObject("INSERT INTO customers (email, name) VALUES (?, ?) RETURNING id", Long.class, email, name);
    // expect: write customer_contacts.customer_id @http, write customer_contacts.phone @http
    jdbc.update("INSERT INTO customer_contacts (customer_id, phone) VALUES (?, ?)", id, phone);
  }
}
