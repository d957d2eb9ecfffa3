package com.acme.users;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/users")
public class UserController {

  private final UserDao users;

  public UserController(UserDao users) {
    this.users = users;
  }

  @GetMapping("/{id}")
  public String profile(@PathVariable long id) {
    return "Hello, " + users.findDisplayName(id);
  }
}
