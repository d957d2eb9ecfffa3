-- expect: ddl customers.id @migration, ddl customers.email @migration, ddl customers.nickname @migration
CREATE TABLE customers (
    id        bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email     varchar(190) NOT NULL,
    nickname  varchar(50)
);

-- expect: ddl orders.id @migration, ddl orders.customer_id @migration, ddl orders.status @migration, ddl orders.total @migration, ddl orders.created_at @migration
CREATE TABLE orders (
    id           bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id  bigint NOT NULL,
    status       varchar(20) NOT NULL,
    total        int NOT NULL,
    created_at   datetime NOT NULL
);

-- A legacy table without a key: the payment gateway's callback appends to it.
-- expect: ddl payments.order_id @migration, ddl payments.amount @migration
CREATE TABLE payments (order_id bigint NOT NULL, amount int NOT NULL);
