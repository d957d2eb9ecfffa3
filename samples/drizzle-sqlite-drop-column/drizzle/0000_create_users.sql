-- The first schema: the plan a user pays for sits on the users row.
-- expect: ddl users.id @migration, ddl users.email @migration, ddl users.display_name @migration, ddl users.plan @migration, ddl users.created_at @migration
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`display_name` text,
	`plan` text DEFAULT 'free' NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
-- expect: ddl users.email @migration
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);
