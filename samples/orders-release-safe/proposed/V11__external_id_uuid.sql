SET lock_timeout = '5s';
SET statement_timeout = '15min';
-- Expand: a new uuid column next to the free-form text one. The webhook dual-writes it in the next
-- release; the text column is dropped only once nothing reads it.
ALTER TABLE orders ADD COLUMN external_uuid uuid;
