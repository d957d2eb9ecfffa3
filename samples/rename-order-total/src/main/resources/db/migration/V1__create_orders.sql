-- expect: ddl orders.id @migration, ddl orders.customer_email @migration, ddl orders.total @migration, ddl orders.status @migration
CREATE TABLE orders (
    id              bigserial PRIMARY KEY,
    customer_email  text NOT NULL,
    total           numeric(12, 2) NOT NULL,
    status          text NOT NULL DEFAULT 'open'
);
