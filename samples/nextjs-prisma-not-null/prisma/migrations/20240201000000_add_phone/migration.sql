-- Expand: a phone number for SMS receipts, optional for now.
-- expect: ddl customers.phone @migration
ALTER TABLE "customers" ADD COLUMN "phone" TEXT;
