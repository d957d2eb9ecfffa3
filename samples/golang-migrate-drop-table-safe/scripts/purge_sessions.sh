#!/bin/sh
# Run hourly by the ops crontab.
set -eu
# expect: write sessions.* @script, read sessions.expires_at @script, read sessions.revoked_at @script
psql "$DATABASE_URL" -c "DELETE FROM sessions WHERE expires_at < now() OR revoked_at IS NOT NULL"
