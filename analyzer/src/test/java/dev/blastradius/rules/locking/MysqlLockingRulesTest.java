package dev.blastradius.rules.locking;

import dev.blastradius.testing.RuleTestHelper;
import org.junit.jupiter.api.Test;

/**
 * The mysql-locking pack, on both sides of MySQL 8.0 (RENAME COLUMN), 8.0.12 (INSTANT ADD COLUMN)
 * and 8.0.29 (INSTANT at any position), and with and without foreign_key_checks.
 */
class MysqlLockingRulesTest {

  private static final String SCHEMA =
      """
      CREATE TABLE users (
        id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
        email varchar(60) NOT NULL,
        name varchar(100),
        status enum('new','active'),
        age int
      );
      CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total int);
      """;

  @Test
  void positive_copyAlgorithmAndBlockingLocks() {
    RuleTestHelper.forRule("mysql-algorithm-copy")
        .mysql("8.0.36")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__note.sql",
            """
            -- expect: finding mysql-algorithm-copy ~ "ALGORITHM=COPY rebuilds orders as a full copy and blocks writes to it until the copy finishes."
            ALTER TABLE orders ADD COLUMN note text, ALGORITHM=COPY;
            -- expect: none
            ALTER TABLE orders ADD COLUMN memo text, ALGORITHM=INSTANT;
            """)
        .doTest();
    RuleTestHelper.forRule("mysql-lock-shared-or-exclusive")
        .mysql("8.0.36")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__index.sql",
            """
            -- expect: finding mysql-lock-shared-or-exclusive ~ "LOCK=SHARED blocks writes of orders for the whole ALTER."
            ALTER TABLE orders ADD INDEX orders_user (user_id), ALGORITHM=INPLACE, LOCK=SHARED;
            -- expect: finding mysql-lock-shared-or-exclusive ~ "LOCK=EXCLUSIVE blocks reads and writes of users"
            ALTER TABLE users ADD INDEX users_age (age), LOCK=EXCLUSIVE;
            -- expect: none
            ALTER TABLE users ADD INDEX users_name (name), ALGORITHM=INPLACE, LOCK=NONE;
            """)
        .doTest();
  }

  @Test
  void negative_explicitOptionsOnANewTable() {
    RuleTestHelper.forRule("mysql-algorithm-copy")
        .mysql("8.0.36")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__refunds.sql",
            """
            CREATE TABLE refunds (id bigint PRIMARY KEY);
            -- expect: none
            ALTER TABLE refunds ADD COLUMN note text, ALGORITHM=COPY;
            """)
        .doTest();
  }

  @Test
  void positive_addColumnWithoutInstantBefore8012() {
    RuleTestHelper.forRule("mysql-add-column-not-instant")
        .mysql("8.0.11")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__nickname.sql",
            """
            -- expect: finding mysql-add-column-not-instant ~ "Adding users.nickname to users is not INSTANT on MySQL 8.0.11: INSTANT ADD COLUMN needs MySQL 8.0.12; MySQL rebuilds users row by row and replicas lag behind it."
            ALTER TABLE users ADD COLUMN nickname varchar(50);
            -- expect: finding mysql-add-column-not-instant ~ "ALGORITHM=INSTANT makes the statement fail"
            ALTER TABLE users ADD COLUMN bio text, ALGORITHM=INSTANT;
            -- expect: none
            ALTER TABLE users ADD COLUMN motto text, ALGORITHM=INPLACE, LOCK=NONE;
            """)
        .doTest();
  }

  @Test
  void negative_lastColumnIsInstantFrom8012() {
    RuleTestHelper.forRule("mysql-add-column-not-instant")
        .mysql("8.0.12")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__nickname.sql",
            """
            -- expect: none
            ALTER TABLE users ADD COLUMN nickname varchar(50);
            -- expect: none
            ALTER TABLE users ADD COLUMN bio text, ALGORITHM=INSTANT;
            """)
        .doTest();
  }

  @Test
  void positive_positionedColumnBefore8029() {
    RuleTestHelper.forRule("mysql-add-column-not-instant")
        .mysql("8.0.28")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__nickname.sql",
            """
            -- expect: finding mysql-add-column-not-instant ~ "before MySQL 8.0.29 only the last column can be added instantly, and this one goes AFTER email"
            ALTER TABLE users ADD COLUMN nickname varchar(50) AFTER email;
            -- expect: finding mysql-add-column-not-instant ~ "this one goes FIRST"
            ALTER TABLE users ADD COLUMN rank int FIRST;
            -- expect: finding mysql-add-column-not-instant ~ "the same ALTER also does something that cannot be INSTANT (create index users_bio on users (bio))"
            ALTER TABLE users ADD COLUMN bio varchar(200), ADD INDEX users_bio (bio);
            """)
        .doTest();
  }

  @Test
  void negative_positionedColumnIsInstantFrom8029() {
    RuleTestHelper.forRule("mysql-add-column-not-instant")
        .mysql("8.0.29")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__nickname.sql",
            """
            -- expect: none
            ALTER TABLE users ADD COLUMN nickname varchar(50) AFTER email;
            -- expect: none
            ALTER TABLE users ADD COLUMN rank int FIRST, ALGORITHM=INSTANT;
            """)
        .doTest();
  }

  @Test
  void positive_inplaceForcedWhereInstantWouldDo() {
    RuleTestHelper.forRule("mysql-add-column-not-instant")
        .mysql("8.0.36")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__nickname.sql",
            """
            -- expect: finding mysql-add-column-not-instant ~ "ALGORITHM=INPLACE asks for a rebuild; drop the clause (or say ALGORITHM=INSTANT) and the column is added instantly"
            ALTER TABLE users ADD COLUMN nickname varchar(50), ALGORITHM=INPLACE, LOCK=NONE;
            """)
        .doTest();
  }

  @Test
  void positive_columnsThatBlockWrites() {
    RuleTestHelper.forRule("mysql-add-column-blocks-writes")
        .mysql("8.0.36")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__columns.sql",
            """
            -- expect: finding mysql-add-column-blocks-writes ~ "Adding orders.seq blocks writes to orders: InnoDB adds AUTO_INCREMENT columns by rebuilding the table without concurrent DML, so writes to orders wait for the whole rebuild."
            ALTER TABLE orders ADD COLUMN seq bigint NOT NULL AUTO_INCREMENT UNIQUE;
            -- expect: finding mysql-add-column-blocks-writes ~ "InnoDB adds STORED generated columns"
            ALTER TABLE orders ADD COLUMN total_eur decimal(12, 2) GENERATED ALWAYS AS (total / 100) STORED;
            """)
        .doTest();
  }

  @Test
  void negative_virtualGeneratedAndPlainColumns() {
    RuleTestHelper.forRule("mysql-add-column-blocks-writes")
        .mysql("8.0.36")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__columns.sql",
            """
            -- expect: none
            ALTER TABLE orders ADD COLUMN total_eur decimal(12, 2) GENERATED ALWAYS AS (total / 100) VIRTUAL;
            -- expect: none
            ALTER TABLE orders ADD COLUMN note text;
            """)
        .doTest();
  }

  @Test
  void positive_typeChangesThatCopy() {
    RuleTestHelper.forRule("mysql-type-change-copies-table")
        .mysql("8.0.36")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__types.sql",
            """
            -- expect: finding mysql-type-change-copies-table ~ "Changing orders.total from int to bigint makes MySQL copy orders (ALGORITHM=COPY), blocking writes to it until the copy finishes."
            ALTER TABLE orders MODIFY total bigint;
            -- expect: finding mysql-type-change-copies-table ~ "users.email from varchar(60) to varchar(64)"
            ALTER TABLE users MODIFY email varchar(64) NOT NULL;
            -- expect: finding mysql-type-change-copies-table ~ "users.status from enum('new','active') to enum('active','new')"
            ALTER TABLE users MODIFY status enum('active','new');
            """)
        .doTest();
  }

  @Test
  void negative_typeChangesInPlace() {
    RuleTestHelper.forRule("mysql-type-change-copies-table")
        .mysql("8.0.36")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__types.sql",
            """
            -- expect: none
            ALTER TABLE users MODIFY email varchar(63) NOT NULL;
            -- expect: none
            ALTER TABLE users MODIFY name varchar(200);
            -- expect: none
            ALTER TABLE users MODIFY status enum('new','active','closed');
            -- expect: none
            ALTER TABLE users MODIFY age int NOT NULL;
            """)
        .doTest();
  }

  @Test
  void positive_indexBuildsWithoutOnlineOptions() {
    RuleTestHelper.forRule("mysql-index-without-online-options")
        .mysql("8.0.36")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__indexes.sql",
            """
            -- expect: finding mysql-index-without-online-options ~ "Building index orders_user on orders without ALGORITHM=INPLACE, LOCK=NONE: if MySQL cannot build it online it quietly takes a stronger lock or copies the table instead of failing."
            CREATE INDEX orders_user ON orders (user_id);
            -- expect: finding mysql-index-without-online-options ~ "index users_age on users without LOCK=NONE"
            ALTER TABLE users ADD INDEX users_age (age), ALGORITHM=INPLACE;
            -- expect: finding mysql-index-without-online-options ~ "index users_email_key on users without ALGORITHM=INPLACE"
            ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email), LOCK=NONE;
            """)
        .doTest();
  }

  @Test
  void negative_indexBuildsWithOnlineOptions() {
    RuleTestHelper.forRule("mysql-index-without-online-options")
        .mysql("8.0.36")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__indexes.sql",
            """
            -- expect: none
            CREATE INDEX orders_user ON orders (user_id) ALGORITHM=INPLACE LOCK=NONE;
            -- expect: none
            ALTER TABLE users ADD UNIQUE KEY users_email_key (email), ALGORITHM=INPLACE, LOCK=NONE;
            CREATE TABLE refunds (id bigint, order_id bigint);
            -- expect: none
            CREATE INDEX refunds_order ON refunds (order_id);
            """)
        .doTest();
  }

  @Test
  void positive_renameColumnBefore80() {
    RuleTestHelper.forRule("mysql-rename-column-unsupported")
        .mysql("5.7.44")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__rename.sql",
            """
            -- expect: finding mysql-rename-column-unsupported ~ "RENAME COLUMN does not exist before MySQL 8.0: renaming users.name to full_name fails on 5.7.44."
            ALTER TABLE users RENAME COLUMN name TO full_name;
            -- expect: none
            ALTER TABLE users CHANGE age years int;
            """)
        .doTest();
  }

  @Test
  void negative_renameColumnFrom80() {
    RuleTestHelper.forRule("mysql-rename-column-unsupported")
        .mysql("8.0.0")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__rename.sql",
            """
            -- expect: none
            ALTER TABLE users RENAME COLUMN name TO full_name;
            """)
        .doTest();
  }

  @Test
  void positive_foreignKeyWithChecksOn() {
    RuleTestHelper.forRule("mysql-add-foreign-key-copies-table")
        .mysql("8.0.36")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__fk.sql",
            """
            -- expect: finding mysql-add-foreign-key-copies-table ~ "Adding FOREIGN KEY orders_user_fk on orders referencing users with foreign_key_checks on makes MySQL copy orders, blocking writes to it until the copy finishes."
            ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);
            SET foreign_key_checks = 0;
            SET foreign_key_checks = 1;
            -- expect: finding mysql-add-foreign-key-copies-table ~ "orders_user_fk2"
            ALTER TABLE orders ADD CONSTRAINT orders_user_fk2 FOREIGN KEY (user_id) REFERENCES users (id);
            """)
        .doTest();
  }

  @Test
  void negative_foreignKeyWithChecksOff() {
    RuleTestHelper.forRule("mysql-add-foreign-key-copies-table")
        .mysql("8.0.36")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__fk.sql",
            """
            SET SESSION FOREIGN_KEY_CHECKS = 0;
            -- expect: none
            ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id), ALGORITHM=INPLACE, LOCK=NONE;
            SET SESSION FOREIGN_KEY_CHECKS = 1;
            """)
        .doTest();
  }

  @Test
  void positive_ddlWithoutLockWaitTimeout() {
    RuleTestHelper.forRule("mysql-missing-lock-wait-timeout")
        .mysql("8.0.36")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__nickname.sql",
            """
            CREATE TABLE refunds (id bigint PRIMARY KEY);
            CREATE INDEX refunds_id ON refunds (id);
            -- expect: finding mysql-missing-lock-wait-timeout ~ "This statement needs an exclusive metadata lock on users with no lock_wait_timeout set (MySQL waits up to a year by default): behind a long transaction it waits, and every later query on users waits behind it."
            ALTER TABLE users ADD COLUMN nickname varchar(50), ALGORITHM=INSTANT;
            """)
        .doTest();
  }

  @Test
  void negative_lockWaitTimeoutSet() {
    RuleTestHelper.forRule("mysql-missing-lock-wait-timeout")
        .mysql("8.0.36")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__nickname.sql",
            """
            SET @@SESSION.lock_wait_timeout = 5;
            -- expect: none
            ALTER TABLE users ADD COLUMN nickname varchar(50), ALGORITHM=INSTANT;
            """)
        .doTest();
  }

  @Test
  void negative_postgresRulesDoNotRunOnMysql() {
    RuleTestHelper.forRule("create-index-non-concurrently")
        .mysql("8.0.36")
        .applied("V1__schema.sql", SCHEMA)
        .proposed(
            "V2__index.sql",
            """
            -- expect: none
            CREATE INDEX orders_user ON orders (user_id);
            """)
        .doTest();
  }
}
