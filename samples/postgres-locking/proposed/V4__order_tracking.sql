-- Shipment tracking for orders, written the quick way. Flyway runs this file in one transaction.

-- expect: finding add-column-volatile-default ~ "Adding orders.tracking_id with DEFAULT gen_random_uuid() rewrites all of orders", finding missing-lock-timeout ~ "on orders", finding missing-statement-timeout ~ "rewrites orders"
ALTER TABLE orders ADD COLUMN tracking_id uuid NOT NULL DEFAULT gen_random_uuid();
-- expect: finding prefer-text-over-varchar ~ "orders.carrier is varchar(40)"
ALTER TABLE orders ADD COLUMN carrier varchar(40);
-- expect: finding add-column-auto-increment ~ "orders.shipment_no", finding prefer-identity ~ "orders.shipment_no is bigserial"
ALTER TABLE orders ADD COLUMN shipment_no bigserial;
-- expect: finding add-column-stored-generated ~ "orders.total_eur"
ALTER TABLE orders ADD COLUMN total_eur numeric GENERATED ALWAYS AS (total_cents / 100.0) STORED;
-- expect: finding add-column-not-null-without-default ~ "accounts.plan"
ALTER TABLE accounts ADD COLUMN plan text NOT NULL;

-- expect: finding change-column-type-rewrites-table ~ "orders.total_cents from integer to bigint"
ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint;
-- expect: finding set-not-null-scans-table ~ "orders.note"
ALTER TABLE orders ALTER COLUMN note SET NOT NULL;

-- expect: finding add-foreign-key-without-not-valid ~ "orders_account_fk"
ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);
-- expect: finding add-check-constraint-without-not-valid ~ "orders_total_positive"
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total_cents >= 0);
-- expect: finding add-unique-constraint-without-index ~ "accounts_email_key"
ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email);
ALTER TABLE accounts ADD CONSTRAINT accounts_email_present CHECK (email <> '') NOT VALID;
-- expect: finding validate-constraint-in-same-transaction ~ "accounts_email_present"
ALTER TABLE accounts VALIDATE CONSTRAINT accounts_email_present;

-- expect: finding create-index-non-concurrently ~ "orders_created_at_idx"
CREATE INDEX orders_created_at_idx ON orders (created_at);

-- expect: finding enum-add-value-in-transaction ~ "'shipped'"
ALTER TYPE order_status ADD VALUE 'shipped';
-- expect: finding mixed-ddl-and-data-change ~ "This UPDATE runs in the same transaction as the DDL on line 4"
-- expect: finding backfill-not-idempotent ~ "its WHERE clause does not look at status"
-- expect: finding backfill-unbatched ~ "This UPDATE sets status on every matching row of orders"
-- expect: finding backfill-with-ddl-in-one-transaction ~ "with the add column orders.tracking_id on line 4"
UPDATE orders SET status = 'shipped' WHERE carrier IS NOT NULL;

CREATE FUNCTION orders_default_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.note := coalesce(NEW.note, '');
    RETURN NEW;
END
$$;
-- expect: finding create-trigger-on-hot-table ~ "orders_default_note"
CREATE TRIGGER orders_default_note BEFORE INSERT ON orders
    FOR EACH ROW EXECUTE FUNCTION orders_default_note();
