-- Seeds the demo environment: psql -f scripts/seed_demo_orders.sql
-- expect: related column-change-vs-positional-sql, related drop-column-still-written, related type-change-vs-accesses, write orders.channel @script, write orders.customer_id @script, write orders.external_id @script, write orders.id @script, write orders.note @script, write orders.total @script
INSERT INTO orders VALUES (1, 42, 'web', NULL, 19.90, 'gift wrap');
