{{ config(materialized='view') }}
-- One row per user with the tier the growth dashboards group by.
-- expect: read users.created_at @dashboard, read users.id @dashboard, read users.legacy_tier @dashboard, related drop-column-still-read
select
  id as user_id,
  lower(trim(legacy_tier)) as tier,
  created_at
from {{ source('app', 'users') }}
