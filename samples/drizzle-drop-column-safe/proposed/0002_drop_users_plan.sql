-- Contract: users.plan is replaced by subscriptions.plan. Every reader and writer has moved.
-- expect: none
ALTER TABLE users DROP COLUMN plan;
