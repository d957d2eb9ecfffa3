-- With the CHECKs validated, Postgres 12+ sets NOT NULL and attaches the partition without scanning.
SET lock_timeout = '3s';
SET statement_timeout = '5s';

-- expect: none
ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
-- expect: none
ALTER TABLE orders DROP CONSTRAINT orders_note_not_null;
-- expect: none
ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
-- expect: none
ALTER TABLE events_2026 DROP CONSTRAINT events_2026_bounds;
