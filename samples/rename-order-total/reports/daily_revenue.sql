-- Pasted into the BI tool every morning; nobody owns it.
-- expect: read orders.total @dashboard, read orders.status @dashboard, related rename-column-still-referenced
SELECT sum(total) AS revenue
  FROM orders
 WHERE status = 'paid';
