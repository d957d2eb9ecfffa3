package com.acme.users;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class UserDao {

  private static final String DISPLAY_NAME = "SELECT name FROM users WHERE id = ?";

  private final JdbcTemplate jdbc;

  public UserDao(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Still reads the old column: the profile page shows it. */
  public String findDisplayName(long id) {
    // expect: read users.name @http, read users.id @http, related drop-column-still-read
    return jdbc.queryForObject(DISPLAY_NAME, String.class, id);
  }

  /** Still writes the old column: the admin screen's "rename user" action. */
  public void rename(long id, String fullName) {
    // expect: write users.name @admin, read users.id @admin, related drop-column-still-written
    jdbc.update("UPDATE users SET name = ? WHERE id = ?", fullName, id);
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
