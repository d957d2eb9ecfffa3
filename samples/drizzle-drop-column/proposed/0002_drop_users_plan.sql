-- Contract: users.plan is replaced by subscriptions.plan. Proposed while code still uses it.
SET lock_timeout = '5s';
-- expect: finding drop-column-still-read ~ "Dropping users.plan breaks 2 code sites", finding drop-column-still-written ~ "users.plan"
ALTER TABLE users DROP COLUMN plan;
