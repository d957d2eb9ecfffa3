#!/bin/sh
# Run hourly by the ops crontab; nobody remembers it exists.
set -eu
# expect: write legacy_sessions.* @script, read legacy_sessions.expires_at @script, related drop-table-still-referenced
psql "$DATABASE_URL" -c "DELETE FROM legacy_sessions WHERE expires_at < now()"
# expect: write sessions.* @script, read sessions.expires_at @script, read sessions.revoked_at @script
psql "$DATABASE_URL" -c "DELETE FROM sessions WHERE expires_at < now() OR revoked_at IS NOT NULL"
