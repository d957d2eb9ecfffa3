-- Stored routines, triggers and events (created by the release script with the mysql client).

DROP PROCEDURE IF EXISTS `place_order`;
DROP TRIGGER IF EXISTS trg_order_items_stock;

DELIMITER //

CREATE DEFINER=`shop_admin`@`%` PROCEDURE `place_order`(IN p_customer_id BIGINT UNSIGNED, OUT p_order_id BIGINT UNSIGNED)
    MODIFIES SQL DATA
BEGIN
  DECLARE EXIT HANDLER FOR SQLEXCEPTION
  BEGIN
    ROLLBACK;
    RESIGNAL;
  END;
  START TRANSACTION;
  INSERT INTO orders (customer_id, status, submitted_at) VALUES (p_customer_id, 'pending', NOW());
  SET p_order_id = LAST_INSERT_ID();
  UPDATE customers SET updated_at = NOW(6) WHERE id = p_customer_id;
  COMMIT;
END //

CREATE TRIGGER trg_order_items_stock
AFTER INSERT ON order_items
FOR EACH ROW
BEGIN
  INSERT INTO inventory_movements (product_id, delta, reason)
  VALUES (NEW.product_id, -NEW.quantity, CONCAT('order:', NEW.order_id));
END//

CREATE FUNCTION order_total_cents(p_order_id BIGINT UNSIGNED) RETURNS BIGINT
    READS SQL DATA
    DETERMINISTIC
BEGIN
  DECLARE v_total BIGINT DEFAULT 0;
  SELECT COALESCE(SUM(quantity * unit_price_cents - discount_cents + tax_cents), 0)
    INTO v_total
    FROM order_items
   WHERE order_id = p_order_id;
  RETURN v_total;
END //

CREATE TRIGGER trg_orders_before_update BEFORE UPDATE ON orders
FOR EACH ROW
BEGIN
  IF NEW.status = 'paid' AND OLD.status <> 'paid' THEN
    SET NEW.total_cents = order_total_cents(NEW.id);
  END IF;
END //

DELIMITER ;

CREATE EVENT IF NOT EXISTS ev_purge_carts
  ON SCHEDULE EVERY 1 HOUR
  STARTS CURRENT_TIMESTAMP
  DO DELETE FROM shopping_carts WHERE expires_at < NOW();

ALTER EVENT ev_purge_carts DISABLE;

CALL place_order(42, @order_id);
SELECT @order_id;

DELIMITER $$
CREATE PROCEDURE archive_old_orders(IN cutoff DATE)
BEGIN
  INSERT INTO orders_archive SELECT * FROM orders WHERE submitted_at < cutoff;
  DELETE FROM orders WHERE submitted_at < cutoff;
END$$
DELIMITER ;

SELECT order_total_cents(1001) AS total;
GRANT EXECUTE ON PROCEDURE shop.place_order TO 'api'@'10.%';
FLUSH PRIVILEGES;
