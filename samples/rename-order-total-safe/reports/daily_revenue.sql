-- Pasted into the BI tool every morning; nobody owns it.
-- expect: read orders.total @none, read orders.status @none
SELECT sum(total) AS revenue
  FROM orders
 WHERE status = 'paid';
