package com.acme.signup;

import com.acme.users.UserDao;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Creates users from signup events. Already writes first_name/last_name only. */
@Component
public class SignupWorker {

  private final UserDao users;

  public SignupWorker(UserDao users) {
    this.users = users;
  }

  @KafkaListener(topics = "user-signups")
  public void onSignup(String email, String firstName, String lastName) {
    users.create(email, firstName, lastName);
  }
}
