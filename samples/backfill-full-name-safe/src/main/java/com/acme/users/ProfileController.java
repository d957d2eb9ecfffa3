package com.acme.users;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ProfileController {

  private final JdbcTemplate jdbc;

  public ProfileController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @PutMapping("/users/{id}/name")
  public void rename(@PathVariable long id, @RequestBody String name) {
    // expect: read users.id @http, write users.full_name @http, write users.name @http
    jdbc.update("UPDATE users SET name = ?, full_name = ? WHERE id = ?", name, name, id);
  }
}
