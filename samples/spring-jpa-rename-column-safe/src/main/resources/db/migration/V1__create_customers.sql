-- expect: ddl customers.id @migration, ddl customers.full_name @migration, ddl customers.phone @migration, ddl customers.sms_opt_in @migration
CREATE TABLE customers (
  id bigserial PRIMARY KEY,
  full_name text NOT NULL,
  phone text,
  sms_opt_in boolean NOT NULL DEFAULT false
);
