-- Loyalty points and faster order lookups, written the quick way against MySQL 5.7.

-- expect: finding mysql-add-column-not-instant ~ "INSTANT ADD COLUMN needs MySQL 8.0.12", finding mysql-missing-lock-wait-timeout ~ "on customers"
ALTER TABLE customers ADD COLUMN points int NOT NULL DEFAULT 0;
-- expect: finding mysql-add-column-blocks-writes ~ "Adding payments.id blocks writes to payments", finding mysql-index-without-online-options ~ "index PRIMARY on payments"
ALTER TABLE payments ADD COLUMN id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY FIRST;
-- expect: finding mysql-type-change-copies-table ~ "orders.total from int to decimal(12,2)"
ALTER TABLE orders MODIFY total decimal(12,2) NOT NULL;
-- expect: finding mysql-algorithm-copy ~ "orders", finding mysql-index-without-online-options ~ "orders_created"
ALTER TABLE orders ADD INDEX orders_created (created_at), ALGORITHM=COPY;
-- expect: finding mysql-lock-shared-or-exclusive ~ "LOCK=SHARED", finding mysql-index-without-online-options ~ "customers_email on customers without LOCK=NONE"
ALTER TABLE customers ADD INDEX customers_email (email), ALGORITHM=INPLACE, LOCK=SHARED;
-- expect: finding mysql-index-without-online-options ~ "orders_status"
CREATE INDEX orders_status ON orders (status);
-- expect: finding mysql-rename-column-unsupported ~ "fails on 5.7.44"
ALTER TABLE customers RENAME COLUMN nickname TO display_name;
-- expect: finding mysql-add-foreign-key-copies-table ~ "orders_customer_fk"
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
