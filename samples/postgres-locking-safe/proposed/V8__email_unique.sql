-- The unique index is built: adopting it as a constraint is a catalog change.
SET lock_timeout = '3s';

-- expect: none
ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_key;
-- expect: none
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'shipped';
