-- Expand: the new column next to the old one. Nullable and without a default, so no rewrite and no
-- writer is broken; the code keeps using phone until the backfill and the read switch are done.
SET lock_timeout = '5s';
ALTER TABLE customers ADD COLUMN phone_e164 text;
