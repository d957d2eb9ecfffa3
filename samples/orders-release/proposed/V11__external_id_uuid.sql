SET lock_timeout = '5s';
SET statement_timeout = '15min';
-- expect: finding change-column-type-rewrites-table ~ "Changing orders.external_id from text to uuid rewrites orders and rebuilds its indexes under an ACCESS EXCLUSIVE lock, blocking its reads and writes until it finishes."
-- expect: finding type-change-vs-accesses ~ "Changing orders.external_id from text to uuid changes the type family: 2 code sites reading or writing it as text; reached from 2 entry points: webhook POST /partner/orders, script scripts/seed_demo_orders.sql."
ALTER TABLE orders ALTER COLUMN external_id TYPE uuid USING external_id::uuid;
