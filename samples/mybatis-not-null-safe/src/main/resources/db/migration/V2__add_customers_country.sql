-- Expand: invoices need the customer's country; nullable until every writer supplies it.
-- expect: ddl customers.country @migration
ALTER TABLE customers ADD COLUMN country text;
