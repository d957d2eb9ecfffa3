SELECT u.email, o.total FROM users u JOIN orders o ON o.user_id = u.id WHERE u.name = $1;
SELECT * FROM user_orders;
INSERT INTO users VALUES (1, 'a@b', NULL);
UPDATE orders SET total = total * 2 WHERE id IN (SELECT id FROM orders);
DELETE FROM users WHERE email LIKE E'%%\\_%%';
