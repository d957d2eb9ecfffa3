package com.acme.users;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SignupController {

  private final JdbcTemplate jdbc;

  public SignupController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @PostMapping("/signup")
  public void signup(@RequestParam String email, @RequestParam String name) {
    // expect: related dual-write-gap, related not-null-vs-writers, write users.email @http, write users.name @http
    jdbc.update("INSERT INTO users (email, name) VALUES (?, ?)", email, name);
  }
}
