-- Loyalty points and faster order lookups, the online way on MySQL 5.7.
-- Give up after 5 s instead of queueing every query on the table behind a waiting ALTER.
SET SESSION lock_wait_timeout = 5;

-- 5.7 has no INSTANT ADD COLUMN: ask for an online rebuild explicitly, so MySQL refuses rather than blocks.
-- expect: none
ALTER TABLE customers ADD COLUMN points int NOT NULL DEFAULT 0, ALGORITHM=INPLACE, LOCK=NONE;
-- expect: none
ALTER TABLE orders ADD INDEX orders_created (created_at), ALGORITHM=INPLACE, LOCK=NONE;
-- expect: none
CREATE INDEX orders_status ON orders (status) ALGORITHM=INPLACE LOCK=NONE;
-- 5.7 renames with CHANGE, restating the definition.
-- expect: none
ALTER TABLE customers CHANGE nickname display_name varchar(50);

-- The rows were checked with a query beforehand; with the checks off InnoDB adds the key in place.
SET SESSION foreign_key_checks = 0;
-- expect: none
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id),
    ALGORITHM=INPLACE, LOCK=NONE;
SET SESSION foreign_key_checks = 1;
