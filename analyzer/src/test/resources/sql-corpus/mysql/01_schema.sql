-- The storefront's MySQL 8 schema (orders service), as dumped and then edited by hand.

/*!40101 SET NAMES utf8mb4 */;
SET FOREIGN_KEY_CHECKS = 0;
SET @OLD_SQL_MODE = @@SQL_MODE, SQL_MODE = 'NO_AUTO_VALUE_ON_ZERO';

CREATE DATABASE IF NOT EXISTS `shop` DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
USE `shop`;

DROP TABLE IF EXISTS `customers`;
CREATE TABLE `customers` (
  `id` bigint unsigned NOT NULL AUTO_INCREMENT,
  `email` varchar(255) NOT NULL,
  `first_name` varchar(100) DEFAULT NULL,
  `last_name` varchar(100) DEFAULT NULL,
  `phone` varchar(32) DEFAULT NULL,
  `marketing_opt_in` tinyint(1) NOT NULL DEFAULT '0',
  `status` enum('active','suspended','deleted') NOT NULL DEFAULT 'active',
  `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_customers_email` (`email`),
  KEY `idx_customers_status_created` (`status`,`created_at`)
) ENGINE=InnoDB AUTO_INCREMENT=1001 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci COMMENT='Registered shoppers';

CREATE TABLE `addresses` (
  `id` bigint unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` bigint unsigned NOT NULL,
  `kind` enum('billing','shipping') NOT NULL,
  `line1` varchar(255) NOT NULL,
  `line2` varchar(255) DEFAULT NULL,
  `city` varchar(100) NOT NULL,
  `postal_code` varchar(20) NOT NULL,
  `country` char(2) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_addresses_customer` (`customer_id`),
  CONSTRAINT `fk_addresses_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE products (
  id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sku varchar(64) NOT NULL,
  name varchar(255) NOT NULL,
  description text,
  price_cents int unsigned NOT NULL,
  attributes json DEFAULT NULL,
  weight_grams int GENERATED ALWAYS AS (json_unquote(json_extract(attributes, '$.weight_grams'))) VIRTUAL,
  is_active boolean NOT NULL DEFAULT TRUE,
  UNIQUE KEY uk_products_sku (sku),
  FULLTEXT KEY ft_products_name_description (name, description)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;

CREATE TABLE `orders` (
  `id` bigint unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` bigint unsigned NOT NULL,
  `status` varchar(20) NOT NULL DEFAULT 'pending',
  `currency` char(3) NOT NULL DEFAULT 'EUR',
  `total_cents` bigint NOT NULL DEFAULT 0,
  `placed_at` datetime DEFAULT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx_orders_customer_placed` (`customer_id`, `placed_at` DESC),
  CONSTRAINT `fk_orders_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`),
  CONSTRAINT `chk_orders_total` CHECK (`total_cents` >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `order_items` (
  `order_id` bigint unsigned NOT NULL,
  `line_no` smallint unsigned NOT NULL,
  `product_id` int unsigned NOT NULL,
  `quantity` int NOT NULL DEFAULT 1,
  `unit_price_cents` int unsigned NOT NULL,
  PRIMARY KEY (`order_id`, `line_no`),
  CONSTRAINT `fk_items_order` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk_items_product` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`)
) ENGINE=InnoDB;

CREATE TABLE `stock_movements` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `product_id` int unsigned NOT NULL,
  `delta` int NOT NULL,
  `reason` varchar(32) NOT NULL,
  `moved_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`, `moved_at`)
) ENGINE=InnoDB
PARTITION BY RANGE (YEAR(`moved_at`)) (
  PARTITION p2023 VALUES LESS THAN (2024),
  PARTITION p2024 VALUES LESS THAN (2025),
  PARTITION pmax VALUES LESS THAN MAXVALUE
);

CREATE TABLE IF NOT EXISTS `carts` (
  `id` char(36) NOT NULL,
  `customer_id` bigint unsigned DEFAULT NULL,
  `items` json NOT NULL,
  `expires_at` datetime NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=MEMORY;

SET FOREIGN_KEY_CHECKS = 1;

-- Later migrations (gh-ost was used for the big ones; these ran online).
ALTER TABLE `customers` ADD COLUMN `locale` varchar(10) NOT NULL DEFAULT 'en' AFTER `phone`, ALGORITHM=INSTANT;
ALTER TABLE `customers` ADD COLUMN `referral_code` varchar(16) NULL FIRST;
ALTER TABLE `orders` ADD INDEX `idx_orders_status` (`status`), ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `orders` MODIFY COLUMN `status` varchar(32) NOT NULL DEFAULT 'pending', ALGORITHM=COPY, LOCK=SHARED;
ALTER TABLE `orders` CHANGE COLUMN `placed_at` `submitted_at` datetime NULL;
ALTER TABLE `customers` RENAME COLUMN `phone` TO `phone_number`;
ALTER TABLE `products` RENAME INDEX `uk_products_sku` TO `uk_products_sku_v2`;
ALTER TABLE `products` ALTER COLUMN `is_active` SET DEFAULT FALSE;
ALTER TABLE `addresses` DROP FOREIGN KEY `fk_addresses_customer`;
ALTER TABLE `addresses` ADD CONSTRAINT `fk_addresses_customer_v2` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE;
ALTER TABLE `order_items` ADD COLUMN `discount_cents` int unsigned NOT NULL DEFAULT 0, ADD COLUMN `tax_cents` int unsigned NOT NULL DEFAULT 0;
ALTER TABLE `customers` DROP COLUMN `referral_code`;
ALTER TABLE `stock_movements` REORGANIZE PARTITION pmax INTO (PARTITION p2025 VALUES LESS THAN (2026), PARTITION pmax VALUES LESS THAN MAXVALUE);
ALTER TABLE `carts` ENGINE=InnoDB;
ALTER TABLE products CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE orders AUTO_INCREMENT = 500000;
CREATE INDEX idx_products_price ON products (price_cents) ALGORITHM=INPLACE LOCK=NONE;
CREATE UNIQUE INDEX uk_customers_phone ON customers (phone_number);
DROP INDEX idx_products_price ON products;
RENAME TABLE `carts` TO `shopping_carts`, `stock_movements` TO `inventory_movements`;
TRUNCATE TABLE shopping_carts;
OPTIMIZE TABLE order_items;
ANALYZE TABLE orders, order_items;
CREATE OR REPLACE VIEW `v_order_totals` AS
  SELECT o.id AS order_id, o.customer_id, SUM(i.quantity * i.unit_price_cents) AS items_cents
    FROM `orders` o JOIN `order_items` i ON i.order_id = o.id
   GROUP BY o.id, o.customer_id;
CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW v_active_products AS SELECT id, sku, name FROM products WHERE is_active;
DROP VIEW IF EXISTS v_legacy_orders;
SET SQL_MODE = @OLD_SQL_MODE;
