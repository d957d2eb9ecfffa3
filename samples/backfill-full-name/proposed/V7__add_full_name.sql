SET lock_timeout = '5s';
SET statement_timeout = '15min';
-- full_name replaces name: add it and copy every user's name over.
-- expect: related constraint-before-backfill, related backfill-unbatched, related backfill-not-idempotent
ALTER TABLE users ADD COLUMN full_name text;
-- expect: finding backfill-not-idempotent ~ "This UPDATE of users is not safe to re-run: it has no WHERE clause on full_name, so a re-run after a failure rewrites every row already done and overwrites what the application wrote since; guard it with a WHERE clause on what it sets (for example WHERE full_name IS NULL)."
-- expect: finding backfill-unbatched ~ "This UPDATE sets full_name on every matching row of users in one statement: on a large table it locks all of those rows until commit, bloats the table and cannot resume after a failure; backfill in key-range or LIMIT batches."
-- expect: finding backfill-with-ddl-in-one-transaction ~ "This UPDATE of users runs in one transaction with the add column users.full_name on line 5: the backfill cannot be batched, resumed or run separately from the schema change, and any lock the DDL takes is held until the whole backfill commits."
-- expect: finding dual-write-gap ~ "users.name is being replaced by users.full_name (backfilled from it at line 11), but 3 code sites write users.name without it; reached from 3 entry points: http POST /signup, http PUT /users/{id}/name, webhook POST /webhooks/crm. Rows they write leave users.full_name stale or empty, so switching reads to it loses data."
-- expect: finding mixed-ddl-and-data-change ~ "This UPDATE runs in the same transaction as the DDL on line 5, which holds ACCESS EXCLUSIVE on users until commit: reads and writes of users wait for the whole UPDATE."
UPDATE users SET full_name = name;
