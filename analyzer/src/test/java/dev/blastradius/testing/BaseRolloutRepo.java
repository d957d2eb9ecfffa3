package dev.blastradius.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The fixture of {@code check --base} and of the rules that need it (samples cannot hold a git
 * history, so {@code RuleCatalogTest} reads this file's {@code expect: finding} markers for the
 * {@code needs-base} rules): a small service at release 41, committed, and release 42 in the
 * working tree.
 *
 * <p>Release 42 stops reading {@code users.nickname} and drops it in the same release, renames
 * {@code orders.total} to {@code amount} in code and schema at once, moves the signup worker's
 * writes from {@code users.name} to {@code first_name} while a page still reads {@code name}, and
 * starts reading {@code first_name} in the release whose migration backfills it. Markers in the
 * release-41 files claim the sites of the code at the base revision ({@code HEAD}); markers in the
 * release-42 files claim the findings and the sites of the new code.
 */
public final class BaseRolloutRepo {

  public static final String MIGRATIONS = "src/main/resources/db/migration/";
  public static final String CODE = "src/main/java/com/acme/";

  /** The applied history, the same at release 41 and 42. */
  public static final Map<String, String> HISTORY =
      Map.of(
          MIGRATIONS + "V1__create_users.sql",
          """
          CREATE TABLE users (
            id bigint PRIMARY KEY,
            name text,
            nickname text,
            email text NOT NULL
          );
          """,
          MIGRATIONS + "V2__create_orders.sql",
          """
          CREATE TABLE orders (
            id bigint PRIMARY KEY,
            user_id bigint NOT NULL REFERENCES users (id),
            total numeric(10, 2) NOT NULL
          );
          """,
          MIGRATIONS + "V3__add_first_name.sql",
          """
          ALTER TABLE users ADD COLUMN first_name text;
          """);

  /** Release 41, as committed: the base revision. */
  public static final Map<String, String> RELEASE_41 =
      Map.of(
          CODE + "users/UserController.java",
          """
          package com.acme.users;

          import org.springframework.jdbc.core.JdbcTemplate;
          import org.springframework.web.bind.annotation.*;

          @RestController
          class UserController {
            private JdbcTemplate jdbc;

            @GetMapping("/users/{id}/nickname")
            String nickname(long id) {
              // expect: related same-release-drop
              return jdbc.queryForObject("SELECT nickname FROM users WHERE id = ?", String.class, id);
            }

            @GetMapping("/users/{id}/name")
            String name(long id) {
              return jdbc.queryForObject("SELECT name FROM users WHERE id = ?", String.class, id);
            }
          }
          """,
          CODE + "signup/SignupWorker.java",
          """
          package com.acme.signup;

          import org.springframework.jdbc.core.JdbcTemplate;
          import org.springframework.kafka.annotation.KafkaListener;

          class SignupWorker {
            private JdbcTemplate jdbc;

            @KafkaListener(topics = "signups")
            void onSignup(long id, String name, String email) {
              // expect: related stale-reads-after-write-stop
              jdbc.update("INSERT INTO users (id, name, email) VALUES (?, ?, ?)", id, name, email);
            }
          }
          """,
          CODE + "orders/OrderController.java",
          """
          package com.acme.orders;

          import java.math.BigDecimal;
          import org.springframework.jdbc.core.JdbcTemplate;
          import org.springframework.web.bind.annotation.*;

          @RestController
          class OrderController {
            private JdbcTemplate jdbc;

            @GetMapping("/orders/{id}/total")
            BigDecimal total(long id) {
              // expect: related old-code-vs-new-schema
              return jdbc.queryForObject("SELECT total FROM orders WHERE id = ?", BigDecimal.class, id);
            }
          }
          """);

  /** Release 42, in the working tree: the change under review. */
  public static final Map<String, String> RELEASE_42 =
      Map.of(
          MIGRATIONS + "V4__release_42.sql",
          """
          -- expect: finding same-release-drop ~ "Dropping users.nickname in the release that removes its last code reference"
          ALTER TABLE users DROP COLUMN nickname;

          -- expect: finding old-code-vs-new-schema ~ "Renaming orders.total to amount breaks 1 code site of the code at HEAD", finding new-code-vs-old-schema ~ "orders.amount exists only once this migration has run"
          ALTER TABLE orders RENAME COLUMN total TO amount;

          -- expect: finding reads-switched-before-backfill ~ "users.first_name is backfilled by this migration", finding backfill-unbatched ~ "This UPDATE sets first_name on every matching row of users in one statement", finding backfill-with-ddl-in-one-transaction ~ "runs in one transaction with the drop column users.nickname"
          UPDATE users SET first_name = split_part(name, ' ', 1) WHERE first_name IS NULL;
          """,
          CODE + "users/UserController.java",
          """
          package com.acme.users;

          import org.springframework.jdbc.core.JdbcTemplate;
          import org.springframework.web.bind.annotation.*;

          @RestController
          class UserController {
            private JdbcTemplate jdbc;

            @GetMapping("/users/{id}/name")
            String name(long id) {
              // expect: finding stale-reads-after-write-stop ~ "users.name is no longer written", related stale-reads-after-write-stop
              return jdbc.queryForObject("SELECT name FROM users WHERE id = ?", String.class, id);
            }

            @GetMapping("/users/{id}/greeting")
            String greeting(long id) {
              // expect: related reads-switched-before-backfill
              return jdbc.queryForObject("SELECT first_name FROM users WHERE id = ?", String.class, id);
            }
          }
          """,
          CODE + "signup/SignupWorker.java",
          """
          package com.acme.signup;

          import org.springframework.jdbc.core.JdbcTemplate;
          import org.springframework.kafka.annotation.KafkaListener;

          class SignupWorker {
            private JdbcTemplate jdbc;

            @KafkaListener(topics = "signups")
            void onSignup(long id, String firstName, String email) {
              jdbc.update(
                  "INSERT INTO users (id, first_name, email) VALUES (?, ?, ?)", id, firstName, email);
            }
          }
          """,
          CODE + "orders/OrderController.java",
          """
          package com.acme.orders;

          import java.math.BigDecimal;
          import org.springframework.jdbc.core.JdbcTemplate;
          import org.springframework.web.bind.annotation.*;

          @RestController
          class OrderController {
            private JdbcTemplate jdbc;

            @GetMapping("/orders/{id}/total")
            BigDecimal total(long id) {
              // expect: related new-code-vs-old-schema
              return jdbc.queryForObject("SELECT amount FROM orders WHERE id = ?", BigDecimal.class, id);
            }
          }
          """);

  private BaseRolloutRepo() {}

  /** Builds the repository in {@code directory}: release 41 committed, release 42 on top. */
  public static GitRepo write(Path directory) throws IOException {
    Files.createDirectories(directory);
    GitRepo git = GitRepo.init(directory);
    write(directory, HISTORY);
    write(directory, RELEASE_41);
    git.commitAll("release 41");
    write(directory, RELEASE_42);
    return git;
  }

  private static void write(Path directory, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = directory.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
  }
}
