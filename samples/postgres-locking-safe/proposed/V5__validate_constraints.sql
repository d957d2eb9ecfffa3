-- Validation scans under SHARE UPDATE EXCLUSIVE: reads and writes continue. It may take a while.
SET lock_timeout = '3s';
SET statement_timeout = '30min';

-- expect: none
ALTER TABLE orders VALIDATE CONSTRAINT orders_account_fk;
-- expect: none
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;
-- expect: none
ALTER TABLE orders VALIDATE CONSTRAINT orders_note_not_null;
-- expect: none
ALTER TABLE events_2026 VALIDATE CONSTRAINT events_2026_bounds;
