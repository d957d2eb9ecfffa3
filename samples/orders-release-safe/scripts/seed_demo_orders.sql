-- Seeds the demo environment: psql -f scripts/seed_demo_orders.sql
-- The column list keeps this script working when columns are added or dropped.
-- expect: write orders.channel @script, write orders.customer_id @script, write orders.id @script, write orders.total @script
INSERT INTO orders (id, customer_id, channel, total) VALUES (1, 42, 'web', 19.90);
