SET lock_timeout = '5s';
-- Every writer sets currency now: the checkout and the marketplace import.
ALTER TABLE orders ALTER COLUMN currency SET NOT NULL;
