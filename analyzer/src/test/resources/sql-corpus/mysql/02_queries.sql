-- Queries from the orders service (JDBC templates and the admin tool).

SELECT `id`, `email`, `first_name`, `last_name` FROM `customers` WHERE `id` = ?;

SELECT c.id, c.email, COUNT(o.id) AS orders, COALESCE(SUM(o.total_cents), 0) AS lifetime_cents
  FROM customers c
  LEFT JOIN orders o ON o.customer_id = c.id AND o.status <> 'cancelled'
 WHERE c.status = 'active'
 GROUP BY c.id, c.email
HAVING orders > 0
 ORDER BY lifetime_cents DESC
 LIMIT 100;

SELECT o.id, o.status, o.total_cents, o.submitted_at
  FROM orders o FORCE INDEX (idx_orders_customer_placed)
 WHERE o.customer_id = ?
 ORDER BY o.submitted_at DESC
 LIMIT 20 OFFSET 40;

SELECT p.id, p.sku, p.name, p.attributes->>'$.color' AS color, JSON_EXTRACT(p.attributes, '$.sizes[0]') AS first_size
  FROM products p
 WHERE JSON_CONTAINS(p.attributes, '"waterproof"', '$.tags')
   AND p.is_active = 1;

SELECT id, name, MATCH(name, description) AGAINST ('+trail -road' IN BOOLEAN MODE) AS score
  FROM products
 WHERE MATCH(name, description) AGAINST ('+trail -road' IN BOOLEAN MODE)
 ORDER BY score DESC;

SELECT customer_id, GROUP_CONCAT(DISTINCT status ORDER BY status SEPARATOR ',') AS statuses
  FROM orders
 GROUP BY customer_id;

SELECT DATE_FORMAT(submitted_at, '%Y-%m') AS month, COUNT(*) AS orders, SUM(total_cents) / 100 AS revenue
  FROM orders
 WHERE submitted_at >= DATE_SUB(CURDATE(), INTERVAL 12 MONTH)
 GROUP BY month
 ORDER BY month;

WITH ranked AS (
  SELECT o.id, o.customer_id, o.total_cents,
         ROW_NUMBER() OVER (PARTITION BY o.customer_id ORDER BY o.total_cents DESC) AS rn
    FROM orders o
)
SELECT customer_id, id, total_cents FROM ranked WHERE rn <= 3;

SELECT i.order_id, p.sku, i.quantity, i.unit_price_cents * i.quantity AS line_total
  FROM order_items i
  STRAIGHT_JOIN products p ON p.id = i.product_id
 WHERE i.order_id IN (SELECT id FROM orders WHERE customer_id = ?);

SELECT SQL_CALC_FOUND_ROWS id, email FROM customers WHERE email LIKE CONCAT(?, '%') LIMIT 25;

SELECT * FROM v_order_totals WHERE customer_id = ?;

INSERT INTO `customers` (`email`, `first_name`, `last_name`, `locale`)
VALUES (?, ?, ?, ?);

INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price_cents)
VALUES (?, 1, ?, 2, 1999), (?, 2, ?, 1, 4500);

INSERT INTO customers (email, first_name, marketing_opt_in)
VALUES ('ana@example.test', 'Ana', 1)
ON DUPLICATE KEY UPDATE first_name = VALUES(first_name), marketing_opt_in = VALUES(marketing_opt_in);

INSERT INTO customers (email, first_name) VALUES ('li@example.test', 'Li') AS new
ON DUPLICATE KEY UPDATE first_name = new.first_name;

INSERT IGNORE INTO addresses (customer_id, kind, line1, city, postal_code, country)
SELECT id, 'billing', 'unknown', 'unknown', '00000', 'DE' FROM customers WHERE status = 'active';

REPLACE INTO shopping_carts (id, customer_id, items, expires_at)
VALUES (UUID(), ?, JSON_ARRAY(), NOW() + INTERVAL 7 DAY);

INSERT INTO inventory_movements SET product_id = ?, delta = -1, reason = 'sale';

UPDATE orders SET status = 'shipped' WHERE id = ? AND status = 'paid';

UPDATE orders o
  JOIN customers c ON c.id = o.customer_id
   SET o.status = 'cancelled'
 WHERE c.status = 'suspended' AND o.status = 'pending';

UPDATE products SET price_cents = ROUND(price_cents * 1.05) WHERE JSON_UNQUOTE(attributes->'$.brand') = 'Acme' ORDER BY id LIMIT 1000;

UPDATE customers SET updated_at = NOW(6) WHERE id IN (?, ?, ?);

DELETE FROM shopping_carts WHERE expires_at < NOW() LIMIT 5000;

DELETE o, i
  FROM orders o
  JOIN order_items i ON i.order_id = o.id
 WHERE o.status = 'draft' AND o.created_at < NOW() - INTERVAL 30 DAY;

DELETE FROM addresses USING addresses JOIN customers ON customers.id = addresses.customer_id WHERE customers.status = 'deleted';

SELECT id FROM orders WHERE id = ? FOR UPDATE;
SELECT id FROM orders WHERE customer_id = ? LOCK IN SHARE MODE;
SELECT COUNT(*) FROM `order_items` WHERE `order_id` = ?;
SELECT LAST_INSERT_ID();
SELECT FOUND_ROWS();

SHOW CREATE TABLE orders;
SHOW INDEX FROM orders;
EXPLAIN FORMAT=JSON SELECT * FROM orders WHERE customer_id = 42;
START TRANSACTION;
SAVEPOINT before_items;
ROLLBACK TO SAVEPOINT before_items;
COMMIT;
SET SESSION transaction_isolation = 'READ-COMMITTED';
LOCK TABLES orders WRITE, order_items WRITE;
UNLOCK TABLES;
