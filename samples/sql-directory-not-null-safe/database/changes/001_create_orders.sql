-- expect: ddl orders.id @migration, ddl orders.customer_email @migration, ddl orders.amount @migration, ddl orders.created_at @migration
CREATE TABLE orders (
  id bigserial PRIMARY KEY,
  customer_email text NOT NULL,
  amount numeric(12, 2) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
