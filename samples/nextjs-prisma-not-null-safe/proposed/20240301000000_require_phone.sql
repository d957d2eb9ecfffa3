-- Every writer supplies a phone number now. Require it without scanning the table under an exclusive
-- lock: a NOT VALID check first (a later migration validates it, then sets NOT NULL).
SET lock_timeout = '5s';
-- expect: none
ALTER TABLE "customers" ADD CONSTRAINT "customers_phone_not_null" CHECK ("phone" IS NOT NULL) NOT VALID;
