-- Shipment tracking, expand step: every statement is a quick catalog change under a short lock_timeout.
SET lock_timeout = '3s';

-- expect: none
ALTER TABLE orders ADD COLUMN tracking_id uuid;
-- New rows get a value; a job fills the existing rows in batches, outside migrations.
-- expect: none
ALTER TABLE orders ALTER COLUMN tracking_id SET DEFAULT gen_random_uuid();
-- expect: none
ALTER TABLE orders ADD COLUMN carrier text;
-- expect: none
ALTER TABLE accounts ADD COLUMN plan text NOT NULL DEFAULT 'free';

-- Constraints are added NOT VALID (only new rows are checked) and validated in V5.
-- expect: none
ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
-- expect: none
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total_cents >= 0) NOT VALID;
-- expect: none
ALTER TABLE orders ADD CONSTRAINT orders_note_not_null CHECK (note IS NOT NULL) NOT VALID;
-- expect: none
ALTER TABLE events_2026 ADD CONSTRAINT events_2026_bounds
    CHECK (at >= '2026-01-01' AND at < '2027-01-01') NOT VALID;
