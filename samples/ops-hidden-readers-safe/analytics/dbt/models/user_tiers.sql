{{ config(materialized='view') }}
-- One row per user with the tier the growth dashboards group by.
-- expect: read users.created_at @dashboard, read users.id @dashboard, read users.plan @dashboard
select
  id as user_id,
  plan as tier,
  created_at
from {{ source('app', 'users') }}
