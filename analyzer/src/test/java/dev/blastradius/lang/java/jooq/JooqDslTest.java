package dev.blastradius.lang.java.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** jOOQ DSL chains, generated classes, derived names and plain SQL. */
class JooqDslTest {

  private static ExtractorTestHelper withSchema() {
    return ExtractorTestHelper.create()
        .migration(
            "V1__schema.sql",
            """
            -- expect: ddl users.id, ddl users.email, ddl users.name, ddl users.status
            CREATE TABLE users (id bigint PRIMARY KEY, email text, name text, status text);
            -- expect: ddl orders.id, ddl orders.user_id, ddl orders.total
            CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total numeric);
            """);
  }

  private static List<Access> accessesIn(AnalysisResult result, String file) {
    return result.graph().accesses().stream()
        .filter(a -> a.location().path().endsWith(file))
        .toList();
  }

  /** A generated table class as jOOQ 3.19 writes it, trimmed to what we read. */
  private static final String GENERATED_ACCOUNTS =
      """
      package com.acme.db.tables;

      import com.acme.db.Public;
      import org.jooq.*;
      import org.jooq.impl.*;

      public class Accounts extends TableImpl<AccountsRecord> {
        public static final Accounts ACCOUNTS = new Accounts();
        public final TableField<AccountsRecord, Long> ID = createField(DSL.name("id"), SQLDataType.BIGINT.nullable(false), this, "");
        public final TableField<AccountsRecord, String> MAIL = createField(DSL.name("email_address"), SQLDataType.VARCHAR(255), this, "");
        public final TableField<AccountsRecord, String> OWNER = createField(DSL.name("Owner"), SQLDataType.VARCHAR(255), this, "");

        private Accounts(Name alias, Table<AccountsRecord> aliased) { this(alias, aliased, null); }
        public Accounts(String alias) { this(DSL.name(alias), ACCOUNTS); }
        public Accounts() { this(DSL.name("app_accounts"), null); }

        @Override
        public Schema getSchema() { return aliased() ? null : Public.PUBLIC; }
      }
      """;

  private static final String GENERATED_SCHEMA =
      """
      package com.acme.db;

      import org.jooq.impl.SchemaImpl;

      public class Public extends SchemaImpl {
        public static final Public PUBLIC = new Public();
        private Public() { super("public", null); }
      }
      """;

  @Test
  void positive_namesComeFromGeneratedClasses() {
    AnalysisResult result =
        ExtractorTestHelper.create()
            .migration(
                "V1__accounts.sql",
                """
                -- expect: ddl app_accounts.id, ddl app_accounts.email_address, ddl app_accounts.Owner
                CREATE TABLE app_accounts (id bigint PRIMARY KEY, email_address text, "Owner" text);
                """)
            .source("src/main/java/com/acme/db/tables/Accounts.java", GENERATED_ACCOUNTS)
            .source("src/main/java/com/acme/db/Public.java", GENERATED_SCHEMA)
            .source(
                "src/main/java/com/acme/db/Tables.java",
                """
                package com.acme.db;

                import com.acme.db.tables.Accounts;

                public class Tables {
                  public static final Accounts ACCOUNTS = Accounts.ACCOUNTS;
                }
                """)
            .source(
                "src/main/java/com/acme/AccountRepository.java",
                """
                package com.acme;

                import static com.acme.db.Tables.ACCOUNTS;

                import org.jooq.DSLContext;

                class AccountRepository {
                  private final DSLContext dsl;

                  AccountRepository(DSLContext dsl) { this.dsl = dsl; }

                  String mail(long id) {
                    // expect: read app_accounts.email_address, read app_accounts.id
                    return dsl.select(ACCOUNTS.MAIL).from(ACCOUNTS).where(ACCOUNTS.ID.eq(id)).fetchOne(ACCOUNTS.MAIL);
                  }

                  void rename(long id, String owner) {
                    // expect: write app_accounts.Owner, read app_accounts.id
                    dsl.update(com.acme.db.Tables.ACCOUNTS).set(ACCOUNTS.OWNER, owner).where(ACCOUNTS.ID.eq(id)).execute();
                  }
                }
                """)
            .doTest();
    assertThat(accessesIn(result, "AccountRepository.java"))
        .hasSize(4)
        .allSatisfy(a -> assertThat(a.via()).isEqualTo(Via.JOOQ))
        .allSatisfy(a -> assertThat(a.confidence()).isEqualTo(Confidence.CERTAIN));
    assertThat(result.notes()).noneSatisfy(n -> assertThat(n.message()).contains("jOOQ"));
  }

  @Test
  void positive_namesDerivedFromConstantsAreLikely() {
    AnalysisResult result =
        withSchema()
            .source(
                "src/main/java/com/acme/UserRepository.java",
                """
                package com.acme;

                import static com.acme.db.Tables.*;

                import org.jooq.DSLContext;

                class UserRepository {
                  private final DSLContext dsl;

                  UserRepository(DSLContext dsl) { this.dsl = dsl; }

                  Object active() {
                    // expect: read users.id, read users.email, read users.name, read users.status
                    return dsl.selectFrom(USERS).where(USERS.STATUS.eq("active")).fetch();
                  }
                }
                """)
            .doTest();
    assertThat(accessesIn(result, "UserRepository.java"))
        .filteredOn(a -> a.column().column().equals("status"))
        .singleElement()
        .satisfies(a -> assertThat(a.confidence()).isEqualTo(Confidence.LIKELY));
    assertThat(result.notes())
        .anySatisfy(
            n -> {
              assertThat(n.path()).isEqualTo("src/main/java/com/acme/UserRepository.java");
              assertThat(n.message()).contains("derived from the constant names");
            });
  }

  @Test
  void positive_insertUpdateDeleteAndReturning() {
    AnalysisResult result =
        withSchema()
            .source(
                "src/main/java/com/acme/UserWriter.java",
                """
            package com.acme;

            import static com.acme.db.Tables.USERS;

            import org.jooq.DSLContext;

            class UserWriter {
              private DSLContext dsl;

              void create(String email, String name) {
                // expect: write users.email, write users.name
                dsl.insertInto(USERS, USERS.EMAIL, USERS.NAME).values(email, name).execute();
              }

              long createReturning(String email) {
                // expect: write users.email, write users.status, read users.id
                return dsl.insertInto(USERS).set(USERS.EMAIL, email).set(USERS.STATUS, "new").returning(USERS.ID).fetchOne().getId();
              }

              void upsert(long id, String email) {
                // expect: write users.id, write users.email
                dsl.insertInto(USERS, USERS.ID, USERS.EMAIL).values(id, email)
                    .onConflict(USERS.ID).doUpdate().set(USERS.EMAIL, email).execute();
              }

              void copyNameToEmail(long id) {
                // expect: write users.email, read users.name, read users.id
                dsl.update(USERS).set(USERS.EMAIL, USERS.NAME).where(USERS.ID.eq(id)).execute();
              }

              void purge() {
                // expect: write users.*, read users.status
                dsl.deleteFrom(USERS).where(USERS.STATUS.eq("gone")).execute();
              }

              void positional() {
                // expect: write users.id, write users.email, write users.name, write users.status
                dsl.insertInto(USERS).values(1L, "a@b", "a", "new").execute();
              }
            }
            """)
            .doTest();
    // Inserts supply their columns (for not-null-vs-writers); an update or a delete creates no
    // rows.
    assertThat(
            result.graph().accesses().stream()
                .filter(a -> a.location().path().endsWith("UserWriter.java"))
                .filter(Access::inserts)
                .map(a -> a.location().startLine() + " " + a.column().column())
                .sorted()
                .toList())
        .containsExactly(
            "12 email",
            "12 name",
            "17 email",
            "17 status",
            "22 email",
            "22 id",
            "38 email",
            "38 id",
            "38 name",
            "38 status");
  }

  @Test
  void positive_upsertsOfBothDialects() {
    String writer =
        """
        package com.acme;

        import static com.acme.db.Tables.USERS;

        import org.jooq.DSLContext;

        class Upserts {
          private DSLContext dsl;

          void touch(long id, String email) {
            // expect: write users.id, write users.email, write users.status
            dsl.insertInto(USERS).set(USERS.ID, id).set(USERS.EMAIL, email)
                .onDuplicateKeyUpdate().set(USERS.STATUS, "touched").execute();
          }

          void keep(long id) {
            // expect: write users.id
            dsl.insertInto(USERS, USERS.ID).values(id).onConflictDoNothing().execute();
          }
        }
        """;
    withSchema().source("src/main/java/com/acme/Upserts.java", writer).doTest();
    ExtractorTestHelper.create()
        .dialect(dev.blastradius.schema.SqlDialect.MYSQL)
        .migration(
            "V1__users.sql",
            """
            -- expect: ddl users.id, ddl users.email, ddl users.status
            CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255), status varchar(20));
            """)
        .source("src/main/java/com/acme/Upserts.java", writer)
        .doTest();
  }

  @Test
  void positive_aliasesJoinsAndGrouping() {
    withSchema()
        .source(
            "src/main/java/com/acme/Reports.java",
            """
            package com.acme;

            import static com.acme.db.Tables.*;
            import static org.jooq.impl.DSL.sum;

            import com.acme.db.tables.Orders;
            import com.acme.db.tables.Users;
            import org.jooq.DSLContext;

            class Reports {
              private DSLContext dsl;

              Object totals() {
                Users u = USERS.as("u");
                Orders o = ORDERS.as("o");
                // expect: read users.email, read orders.total, read orders.user_id, read users.id, read users.status
                return dsl.select(u.EMAIL, sum(o.TOTAL))
                    .from(u)
                    .join(o).on(o.USER_ID.eq(u.ID))
                    .where(u.STATUS.eq("active"))
                    .groupBy(u.EMAIL)
                    .orderBy(sum(o.TOTAL).desc())
                    .fetch();
              }
            }
            """)
        .doTest();
  }

  @Test
  void positive_plainSqlGoesToTheSqlFrontend() {
    AnalysisResult result =
        withSchema()
            .source(
                "src/main/java/com/acme/Queries.java",
                """
                package com.acme;

                final class Queries {
                  static final String ACTIVE_NAMES = "SELECT name FROM users WHERE status = 'active'";
                }
                """)
            .source(
                "src/main/java/com/acme/Legacy.java",
                """
                package com.acme;

                import static com.acme.db.Tables.USERS;

                import org.jooq.DSLContext;
                import org.jooq.impl.DSL;

                class Legacy {
                  private DSLContext dsl;

                  Object names(long id) {
                    // expect: read users.name, read users.id
                    return dsl.fetch("SELECT name FROM users WHERE id = ?", id);
                  }

                  void expire(Object value) {
                    // expect: write users.status
                    dsl.execute("UPDATE users SET status = {0}", value);
                  }

                  Object query(long id) {
                    // expect: write users.*, read users.id
                    return dsl.query("DELETE FROM users WHERE id = ?", id);
                  }

                  Object active() {
                    // expect: read users.name, read users.status
                    return dsl.fetch(Queries.ACTIVE_NAMES);
                  }

                  Object lowered() {
                    // expect: read users.email, read users.status
                    return dsl.select(DSL.field("lower(email)")).from(USERS).where(DSL.condition("status = 'active'")).fetch();
                  }
                }
                """)
            .doTest();
    assertThat(accessesIn(result, "Legacy.java"))
        .filteredOn(a -> a.column().column().equals("status") && a.kind().name().equals("WRITE"))
        .singleElement()
        .satisfies(a -> assertThat(a.confidence()).isEqualTo(Confidence.POSSIBLE));
    assertThat(accessesIn(result, "Legacy.java"))
        .filteredOn(a -> a.column().column().equals("name"))
        .hasSize(2)
        .allSatisfy(a -> assertThat(a.confidence()).isEqualTo(Confidence.CERTAIN));
  }

  @Test
  void positive_subqueriesConditionVariablesAndQueriesBuiltInSteps() {
    withSchema()
        .source(
            "src/main/java/com/acme/Search.java",
            """
            package com.acme;

            import static com.acme.db.Tables.*;
            import static org.jooq.impl.DSL.*;

            import org.jooq.Condition;
            import org.jooq.DSLContext;

            class Search {
              private DSLContext dsl;

              Object buyers() {
                // expect: read users.id, read users.email, read users.name, read users.status, read orders.user_id, read orders.total
                return dsl.selectFrom(USERS).where(USERS.ID.in(select(ORDERS.USER_ID).from(ORDERS).where(ORDERS.TOTAL.gt(100)))).fetch();
              }

              Object find(String name) {
                Condition condition = USERS.STATUS.eq("active");
                if (name != null) {
                  condition = condition.and(USERS.NAME.eq(name));
                }
                // expect: read users.id, read users.status, read users.name
                return dsl.select(USERS.ID).from(USERS).where(condition).fetch();
              }

              Object stepwise(String email) {
                // expect: read users.id
                var query = dsl.select(USERS.ID).from(USERS);
                // expect: read users.id, read users.email
                return query.where(USERS.EMAIL.eq(email)).fetch();
              }
            }
            """)
        .doTest();
  }

  @Test
  void positive_contextsFromConnectionsAndConfigurations() {
    withSchema()
        .source(
            "src/main/java/com/acme/Batch.java",
            """
            package com.acme;

            import com.acme.db.Tables;
            import java.sql.Connection;
            import org.jooq.Configuration;
            import org.jooq.SQLDialect;
            import org.jooq.impl.DSL;

            class Batch {
              Object all(Connection connection) {
                // expect: read users.id, read users.email, read users.name, read users.status
                return DSL.using(connection, SQLDialect.POSTGRES).selectFrom(Tables.USERS).fetch();
              }

              void close(Configuration configuration, long id) {
                // expect: write orders.total, read orders.id
                configuration.dsl().update(Tables.ORDERS).set(Tables.ORDERS.TOTAL, 0).where(Tables.ORDERS.ID.eq(id)).execute();
              }
            }
            """)
        .doTest();
  }

  @Test
  void positive_implicitJoinPathsInheritedContextsAndGetters() {
    withSchema()
        .migration(
            "V2__payments.sql",
            """
            -- expect: ddl payment.id, ddl payment.customer_id, ddl payment.amount
            CREATE TABLE payment (id bigint PRIMARY KEY, customer_id bigint, amount numeric);
            -- expect: ddl customer.id, ddl customer.email
            CREATE TABLE customer (id bigint PRIMARY KEY, email text);
            """)
        .source(
            "src/main/java/com/acme/db/tables/Payment.java",
            """
            package com.acme.db.tables;

            import org.jooq.impl.*;

            public class Payment extends TableImpl<PaymentRecord> {
              public static final Payment PAYMENT = new Payment();
              public final TableField<PaymentRecord, Long> ID = createField(DSL.name("id"), SQLDataType.BIGINT, this, "");
              public final TableField<PaymentRecord, java.math.BigDecimal> AMOUNT = createField(DSL.name("amount"), SQLDataType.NUMERIC, this, "");
              public Payment() { this(DSL.name("payment"), null); }
              public CustomerPath customer() { return new CustomerPath(this, null, null); }
            }
            """)
        .source(
            "src/main/java/com/acme/db/tables/Customer.java",
            """
            package com.acme.db.tables;

            import org.jooq.impl.*;

            public class Customer extends TableImpl<CustomerRecord> {
              public static final Customer CUSTOMER = new Customer();
              public final TableField<CustomerRecord, String> MAIL = createField(DSL.name("email"), SQLDataType.VARCHAR, this, "");
              public Customer() { this(DSL.name("customer"), null); }
            }
            """)
        .source(
            "src/main/java/com/acme/Base.java",
            """
            package com.acme;

            import org.jooq.DSLContext;

            abstract class Base {
              protected DSLContext ctx;

              protected DSLContext getDsl() { return ctx; }
            }
            """)
        .source(
            "src/main/java/com/acme/Payments.java",
            """
            package com.acme;

            import static com.acme.db.tables.Payment.PAYMENT;

            import org.jooq.Record;

            class Payments extends Base {
              Object withEmails() {
                // expect: read payment.amount, read customer.email
                return ctx.select(PAYMENT.AMOUNT, PAYMENT.customer().MAIL).from(PAYMENT).fetch();
              }

              void purge(long id) {
                // expect: write payment.*, read payment.id
                getDsl().deleteFrom(PAYMENT).where(PAYMENT.ID.eq(id)).execute();
              }
            }
            """)
        .doTest();
  }

  @Test
  void positive_entryPointsReachJooqQueries() {
    withSchema()
        .source(
            "src/main/java/com/acme/OrderRepository.java",
            """
            package com.acme;

            import static com.acme.db.Tables.ORDERS;

            import org.jooq.DSLContext;

            class OrderRepository {
              private final DSLContext dsl;

              OrderRepository(DSLContext dsl) { this.dsl = dsl; }

              Object byUser(long userId) {
                // expect: read orders.id @http, read orders.user_id @http, read orders.total @http
                return dsl.fetch(ORDERS, ORDERS.USER_ID.eq(userId));
              }
            }
            """)
        .source(
            "src/main/java/com/acme/OrderController.java",
            """
            package com.acme;

            import org.springframework.web.bind.annotation.*;

            @RestController
            class OrderController {
              private final OrderRepository orders;

              OrderController(OrderRepository orders) { this.orders = orders; }

              @GetMapping("/users/{id}/orders")
              Object orders(@PathVariable long id) { return orders.byUser(id); }
            }
            """)
        .doTest();
  }

  @Test
  void negative_lookalikesAreNotJooq() {
    AnalysisResult result =
        withSchema()
            .source(
                "src/main/java/com/acme/Criteria.java",
                """
                package com.acme;

                class Criteria {
                  enum Status { ACTIVE }

                  private final QueryBuilder builder = new QueryBuilder();

                  Object run() {
                    // expect: none
                    builder.select(USERS.NAME).from(USERS).where(Status.ACTIVE);
                    // expect: none
                    return select(USERS.EMAIL);
                  }

                  Object select(Object field) { return field; }
                }
                """)
            .source(
                "src/main/java/com/acme/Unknown.java",
                """
                package com.acme;

                import org.jooq.DSLContext;
                import org.jooq.Table;

                class Unknown {
                  private DSLContext dsl;

                  Object any(Table<?> table) {
                    // expect: none
                    return dsl.selectFrom(table).fetch();
                  }
                }
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
  }

  private static ExtractorTestHelper withAccounts() {
    return ExtractorTestHelper.create()
        .migration(
            "V1__accounts.sql",
            """
            -- expect: ddl app_accounts.id, ddl app_accounts.email_address, ddl app_accounts.Owner
            CREATE TABLE app_accounts (id bigint PRIMARY KEY, email_address text, "Owner" text);
            """)
        .source("src/main/java/com/acme/db/tables/Accounts.java", GENERATED_ACCOUNTS)
        .source("src/main/java/com/acme/db/Public.java", GENERATED_SCHEMA)
        .source(
            "src/main/java/com/acme/db/Tables.java",
            """
            package com.acme.db;

            import com.acme.db.tables.Accounts;

            public class Tables {
              public static final Accounts ACCOUNTS = Accounts.ACCOUNTS;
            }
            """);
  }

  @Test
  void positive_recordsWriteTheFieldsTheySet() {
    AnalysisResult result =
        withAccounts()
            .source(
                "src/main/java/com/acme/AccountService.java",
                """
                package com.acme;

                import static com.acme.db.Tables.ACCOUNTS;

                import com.acme.db.tables.records.AccountsRecord;
                import java.util.ArrayList;
                import java.util.List;
                import org.jooq.DSLContext;

                class AccountService {
                  private final DSLContext dsl;

                  AccountService(DSLContext dsl) { this.dsl = dsl; }

                  void open(String mail) {
                    AccountsRecord account = dsl.newRecord(ACCOUNTS);
                    account.setEmailAddress(mail);
                    account.set(ACCOUNTS.OWNER, "me");
                    // expect: write app_accounts.email_address, write app_accounts.Owner
                    account.store();
                  }

                  void rename(AccountsRecord account, String owner) {
                    account.setOwner(owner);
                    // expect: write app_accounts.Owner
                    account.store();
                  }

                  void close(AccountsRecord account) {
                    // expect: write app_accounts.*
                    account.delete();
                  }

                  void importAll(List<String> mails) {
                    List<AccountsRecord> records = new ArrayList<>();
                    for (String mail : mails) {
                      var created = dsl.newRecord(ACCOUNTS);
                      created.setEmailAddress(mail);
                      records.add(created);
                    }
                    // expect: write app_accounts.email_address
                    dsl.batchInsert(records).execute();
                  }
                }
                """)
            .doTest();
    assertThat(accessesIn(result, "AccountService.java"))
        .allSatisfy(a -> assertThat(a.via()).isEqualTo(Via.JOOQ))
        .allSatisfy(a -> assertThat(a.confidence()).isEqualTo(Confidence.CERTAIN))
        .filteredOn(a -> a.location().startLine() == 20)
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.inserts()).isTrue());
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void negative_recordLookalikesAndUnchangedRecordsWriteNothing() {
    withAccounts()
        .source(
            "src/main/java/com/acme/Lookalikes.java",
            """
            package com.acme;

            import java.util.List;
            import org.jooq.DSLContext;
            import org.jooq.Record;

            class Lookalikes {
              private DSLContext dsl;

              void generic(Record row) {
                row.set(null, "x");
                // expect: none
                row.store();
              }

              void unchanged(com.acme.db.tables.records.AccountsRecord account) {
                // expect: none
                account.update();
              }

              void plainList(List<String> names) {
                // expect: none
                dsl.batchInsert(names);
              }
            }
            """)
        .source(
            "src/main/java/com/acme/AuditRecord.java",
            """
            package com.acme;

            // A class of our own named *Record in a file without jOOQ: store() is ours.
            class AuditRecord {
              void setEmailAddress(String value) {}
              void store() {}

              void run(AuditRecord other) {
                other.setEmailAddress("x");
                // expect: none
                other.store();
              }
            }
            """)
        .doTest();
  }

  private static final String WHOLE_RECORDS =
      """
      package com.acme;

      import static com.acme.db.Tables.ACCOUNTS;

      import com.acme.db.tables.records.AccountsRecord;
      import org.jooq.DSLContext;

      class AccountQueries {
        private final DSLContext dsl;

        AccountQueries(DSLContext dsl) { this.dsl = dsl; }

        AccountsRecord one(long id) {
          // expect: read app_accounts.id, read app_accounts.email_address, read app_accounts.Owner
          return dsl.selectFrom(ACCOUNTS).where(ACCOUNTS.ID.eq(id)).fetchOne();
        }

        Object mails() {
          // expect: read app_accounts.email_address
          return dsl.select(ACCOUNTS.MAIL).from(ACCOUNTS).fetchInto(ACCOUNTS);
        }
      }
      """;

  @Test
  void positive_selectFromReadsWholeRecordsAndFetchIntoOnlyWhatWasSelected() {
    withAccounts().source("src/main/java/com/acme/AccountQueries.java", WHOLE_RECORDS).doTest();
  }

  @Test
  void positive_withoutMigrationsGeneratedClassesGiveTheColumns() {
    ExtractorTestHelper.create()
        .source("src/main/java/com/acme/db/tables/Accounts.java", GENERATED_ACCOUNTS)
        .source("src/main/java/com/acme/db/Public.java", GENERATED_SCHEMA)
        .source(
            "src/main/java/com/acme/db/Tables.java",
            """
            package com.acme.db;

            import com.acme.db.tables.Accounts;

            public class Tables {
              public static final Accounts ACCOUNTS = Accounts.ACCOUNTS;
            }
            """)
        .source("src/main/java/com/acme/AccountQueries.java", WHOLE_RECORDS)
        .doTest();
  }

  @Test
  void negative_withoutMigrationsOrGeneratedClassesSelectFromStaysWhole() {
    ExtractorTestHelper.create()
        .source(
            "src/main/java/com/acme/Reports.java",
            """
            package com.acme;

            import static com.acme.db.Tables.REPORTS;

            import org.jooq.DSLContext;

            class Reports {
              private DSLContext dsl;

              Object all() {
                // expect: read reports.*
                return dsl.selectFrom(REPORTS).fetch();
              }
            }
            """)
        .doTest();
  }

  @Test
  void positive_recordsOfPlainTablesWriteTheWholeTable() {
    withAccounts()
        .source(
            "src/main/java/com/acme/Audit.java",
            """
            package com.acme;

            import org.jooq.DSLContext;
            import org.jooq.impl.DSL;

            class Audit {
              private DSLContext dsl;

              void log() {
                var row = dsl.newRecord(DSL.table("audit"));
                // expect: write audit.*
                dsl.batchInsert(row).execute();
              }
            }
            """)
        .doTest();
  }
}
