-- Expand: plans move to their own table, with renewal dates.
-- expect: ddl subscriptions.id @migration, ddl subscriptions.user_id @migration, ddl subscriptions.plan @migration, ddl subscriptions.renews_at @migration
CREATE TABLE `subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`plan` text NOT NULL,
	`renews_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- expect: write subscriptions.user_id @migration, write subscriptions.plan @migration, read users.id @migration, read users.plan @migration
INSERT OR IGNORE INTO `subscriptions` (`user_id`, `plan`) SELECT `id`, `plan` FROM `users`;
