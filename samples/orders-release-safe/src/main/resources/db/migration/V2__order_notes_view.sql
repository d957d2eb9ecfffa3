-- Support reads order notes through this view.
-- expect: read orders.id @migration, read orders.note @migration
CREATE VIEW order_notes AS SELECT id, note FROM orders WHERE note IS NOT NULL;
