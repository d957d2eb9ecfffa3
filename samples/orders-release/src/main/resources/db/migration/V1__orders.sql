-- expect: ddl orders.channel @migration, ddl orders.customer_id @migration, ddl orders.external_id @migration, ddl orders.id @migration, ddl orders.note @migration, ddl orders.total @migration
CREATE TABLE orders (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL,
  channel text,
  external_id text,
  total numeric(12,2) NOT NULL,
  note text
);
-- expect: ddl coupons.code @migration, ddl coupons.percent @migration
CREATE TABLE coupons (code text PRIMARY KEY, percent integer NOT NULL);
-- expect: ddl legacy_coupons.code @migration, ddl legacy_coupons.percent @migration
CREATE TABLE legacy_coupons (code text, percent integer);
