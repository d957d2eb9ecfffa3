-- Every writer supplies the country (sign-up requires it, the partner feed maps it) and old rows were
-- backfilled. Step one of three: a NOT VALID check holds new rows to it without scanning the table;
-- VALIDATE CONSTRAINT and SET NOT NULL follow in later migrations.
SET lock_timeout = '5s';
SET statement_timeout = '1min';
ALTER TABLE customers
  ADD CONSTRAINT customers_country_not_null CHECK (country IS NOT NULL) NOT VALID;
