-- A table for shipments, a rule for open orders, and the 2026 events (loaded by the importer) attached
-- to the partitioned table.

-- expect: finding prefer-bigint ~ "shipments.id is serial", finding prefer-bigint ~ "shipments.order_id is integer", finding prefer-identity ~ "shipments.id", finding prefer-text-over-varchar ~ "shipments.carrier", finding prefer-text-over-char ~ "shipments.label_code is char(12)", finding prefer-timestamptz ~ "shipments.shipped_at is timestamp"
CREATE TABLE shipments (
    id          serial PRIMARY KEY,
    order_id    integer NOT NULL,
    carrier     varchar(40) NOT NULL,
    label_code  char(12),
    shipped_at  timestamp
);
-- A new table has no traffic yet: a plain index build is fine.
-- expect: none
CREATE INDEX shipments_order_idx ON shipments (order_id);

-- One open order per account: checkout relies on it.
-- expect: finding add-exclusion-constraint ~ "orders_one_open_per_account on orders", finding missing-lock-timeout ~ "on orders", finding missing-statement-timeout ~ "builds an index on orders"
ALTER TABLE orders ADD CONSTRAINT orders_one_open_per_account
    EXCLUDE USING btree (account_id WITH =) WHERE (status = 'new');

-- expect: finding add-primary-key-without-index ~ "on events_2026 (id, at)"
ALTER TABLE events_2026 ADD PRIMARY KEY (id, at);
-- expect: finding attach-partition-without-check ~ "ATTACH PARTITION events_2026 scans all of events_2026"
ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
