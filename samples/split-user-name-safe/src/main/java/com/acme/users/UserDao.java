package com.acme.users;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class UserDao {

  private static final String DISPLAY_NAME =
      "SELECT concat_ws(' ', first_name, last_name) FROM users WHERE id = ?";

  private final JdbcTemplate jdbc;

  public UserDao(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Reads the new columns. */
  public String findDisplayName(long id) {
    // expect: read users.first_name @http, read users.last_name @http, read users.id @http
    return jdbc.queryForObject(DISPLAY_NAME, String.class, id);
  }

  /** Writes the new columns: the admin screen's "rename user" action. */
  public void rename(long id, String firstName, String lastName) {
    // expect: write users.first_name @admin, write users.last_name @admin, read users.id @admin
    jdbc.update("UPDATE users SET first_name = ?, last_name = ? WHERE id = ?", firstName, lastName, id);
  }

  /** Already moved over: signups write the new columns. */
  public long create(String email, String firstName, String lastName) {
    // expect: write users.email @worker, write users.first_name @worker, write users.last_name @worker, read users.id @worker
    return jdbc.queryForObject(
        "INSERT INTO users (email, first_name, last_name) VALUES (?, ?, ?) RETURNING id",
        Long.class,
        email,
        firstName,
        lastName);
  }
}
