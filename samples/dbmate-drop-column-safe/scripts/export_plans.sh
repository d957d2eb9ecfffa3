#!/bin/sh
# Nightly CSV for the finance team's spreadsheet.
set -eu
# expect: read accounts.email @script, read accounts.id @script, read accounts.plan_code @script
psql "$DATABASE_URL" -c "\copy (SELECT id, email, plan_code FROM accounts) TO 'plans.csv' CSV HEADER"
