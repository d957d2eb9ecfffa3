package dev.blastradius.rules.expandcontract;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/** not-null-vs-writers: SET NOT NULL, new NOT NULL columns, dropped defaults vs inserting code. */
class NotNullVsWritersTest {

  private static final String SCHEMA =
      "CREATE TABLE customers (id bigserial PRIMARY KEY, name text NOT NULL, email text,"
          + " phone text, tier text NOT NULL DEFAULT 'free');\n";

  private static final String SIGNUP =
      """
      package app;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.web.bind.annotation.*;

      @RestController
      class Signup {
        private JdbcTemplate jdbc;

        @PostMapping("/signup")
        void signup(String name, String email) {
          // expect: MARK_A
          jdbc.update("INSERT INTO customers (name, email) VALUES (?, ?)", name, email);
        }

        @PostMapping("/import")
        void importRow(String name, String email, String phone) {
          // expect: MARK_B
          jdbc.update("INSERT INTO customers (name, email, phone) VALUES (?, ?, ?)", name, email, phone);
        }

        @PutMapping("/customers/{id}/email")
        void changeEmail(long id, String email) {
          jdbc.update("UPDATE customers SET email = ? WHERE id = ?", email, id);
        }
      }
      """;

  private static String signup(String a, String b) {
    return SIGNUP.replace("MARK_A", a).replace("MARK_B", b);
  }

  @Test
  void positive_setNotNullWhileASignupOmitsTheColumn() {
    RuleTestHelper.forRule("not-null-vs-writers")
        .applied("V1__customers.sql", SCHEMA)
        .proposed(
            "V2__require_phone.sql",
            """
            -- expect: finding not-null-vs-writers ~ "Making customers.phone NOT NULL breaks 1 writer inserting rows without it; reached from 1 entry point: http POST /signup."
            ALTER TABLE customers ALTER COLUMN phone SET NOT NULL;
            """)
        .source("src/main/java/app/Signup.java", signup("related not-null-vs-writers", "none"))
        .doTest();
  }

  @Test
  void positive_newNotNullColumnWithoutDefaultBreaksEveryInserter() {
    RuleTestHelper.forRule("not-null-vs-writers")
        .applied("V1__customers.sql", SCHEMA)
        .proposed(
            "V2__add_country.sql",
            """
            -- expect: finding not-null-vs-writers ~ "Adding customers.country NOT NULL without a default breaks 2 writers"
            ALTER TABLE customers ADD COLUMN country text NOT NULL;
            """)
        .source(
            "src/main/java/app/Signup.java",
            signup("related not-null-vs-writers", "related not-null-vs-writers"))
        .doTest();
  }

  @Test
  void positive_droppingTheDefaultOfARequiredColumn() {
    RuleTestHelper.forRule("not-null-vs-writers")
        .applied("V1__customers.sql", SCHEMA)
        .proposed(
            "V2__tier_default.sql",
            """
            -- expect: finding not-null-vs-writers ~ "Dropping the default of NOT NULL customers.tier breaks 2 writers"
            ALTER TABLE customers ALTER COLUMN tier DROP DEFAULT;
            """)
        .source(
            "src/main/java/app/Signup.java",
            signup("related not-null-vs-writers", "related not-null-vs-writers"))
        .doTest();
  }

  @Test
  void positive_jpaEntitiesThatDoNotMapTheColumnOmitIt() {
    RuleTestHelper.forRule("not-null-vs-writers")
        .applied("V1__customers.sql", SCHEMA)
        .proposed(
            "V2__require_phone.sql",
            """
            -- expect: finding not-null-vs-writers ~ "breaks 1 writer"
            ALTER TABLE customers ALTER COLUMN phone SET NOT NULL;
            """)
        .source(
            "src/main/java/app/Customer.java",
            """
            package app;

            import jakarta.persistence.*;

            @Entity
            @Table(name = "customers")
            class Customer {
              @Id @GeneratedValue Long id;
              String name;
              String email;
              String tier;
            }
            """)
        .source(
            "src/main/java/app/CustomerService.java",
            """
            package app;

            import org.springframework.data.jpa.repository.JpaRepository;

            interface CustomerRepository extends JpaRepository<Customer, Long> {}

            class CustomerService {
              private CustomerRepository customers;

              void register(Customer customer) {
                // expect: related not-null-vs-writers
                customers.save(customer);
              }
            }
            """)
        .doTest();
  }

  @Test
  void negative_everyWriterSuppliesTheColumnOrItHasADefault() {
    RuleTestHelper.forRule("not-null-vs-writers")
        .applied("V1__customers.sql", SCHEMA)
        .proposed(
            "V2__changes.sql",
            """
            -- Both inserts name email.
            -- expect: none
            ALTER TABLE customers ALTER COLUMN email SET NOT NULL;
            -- A default fills it in.
            -- expect: none
            ALTER TABLE customers ADD COLUMN country text NOT NULL DEFAULT 'NL';
            -- Nullable: nothing to break.
            -- expect: none
            ALTER TABLE customers ADD COLUMN fax text;
            -- Dropping NOT NULL never breaks a writer.
            -- expect: none
            ALTER TABLE customers ALTER COLUMN name DROP NOT NULL;
            """)
        .source("src/main/java/app/Signup.java", signup("none", "none"))
        .doTest();
  }

  @Test
  void negative_aTriggerThatWritesTheColumnMayFillItIn() {
    RuleTestHelper.forRule("not-null-vs-writers")
        .applied(
            "V1__customers.sql",
            SCHEMA
                + """
                CREATE FUNCTION default_phone() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  UPDATE customers SET phone = 'unknown' WHERE id = NEW.id AND phone IS NULL;
                  RETURN NEW;
                END $$;
                CREATE TRIGGER customers_phone AFTER INSERT ON customers
                  FOR EACH ROW EXECUTE FUNCTION default_phone();
                """)
        .proposed(
            "V2__require_phone.sql",
            """
            -- expect: none
            ALTER TABLE customers ALTER COLUMN phone SET NOT NULL;
            """)
        .source("src/main/java/app/Signup.java", signup("none", "none"))
        .doTest();
  }
}
