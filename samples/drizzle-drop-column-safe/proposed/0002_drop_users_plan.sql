-- Contract: users.plan is replaced by subscriptions.plan. Every reader and writer has moved.
SET lock_timeout = '5s';
-- expect: none
ALTER TABLE users DROP COLUMN plan;
