package com.acme.admin;

import com.acme.users.UserDao;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/users")
public class AdminUserController {

  private final UserDao users;

  public AdminUserController(UserDao users) {
    this.users = users;
  }

  @PutMapping("/{id}/name")
  public void rename(@PathVariable long id, @RequestBody NameChange change) {
    users.rename(id, change.firstName(), change.lastName());
  }

  /** The request body. */
  public record NameChange(String firstName, String lastName) {}
}
