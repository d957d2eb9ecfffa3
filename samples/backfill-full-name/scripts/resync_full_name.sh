#!/bin/sh
# Re-copies name into full_name for every user; someone runs it by hand when the CRM import drifts.
# expect: read users.name @script, write users.full_name @script, finding backfill-unbatched ~ "This UPDATE (run by script scripts/resync_full_name.sh) sets full_name on every matching row of users in one statement", finding backfill-not-idempotent ~ "This UPDATE of users (run by script scripts/resync_full_name.sh) is not safe to re-run: it has no WHERE clause on full_name"
psql "$DATABASE_URL" -c "UPDATE users SET full_name = name"
