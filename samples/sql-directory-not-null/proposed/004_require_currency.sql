SET lock_timeout = '5s';
-- Every writer sets currency now. Or does it?
-- expect: finding not-null-vs-writers ~ "Making orders.currency NOT NULL breaks 1 writer inserting rows without it; reached from 1 entry point: script jobs/import_marketplace.py."
ALTER TABLE orders ALTER COLUMN currency SET NOT NULL;
