-- Contract: users.plan is replaced by subscriptions.plan. Proposed while code still uses it.
-- SQLite cannot drop a column that is in an index or constraint, so Drizzle Kit rebuilds the table:
-- create the new shape, copy the rows, drop the old table, take its name.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`display_name` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_users`("id", "email", "display_name", "created_at") SELECT "id", "email", "display_name", "created_at" FROM `users`;--> statement-breakpoint
-- expect: finding drop-column-still-read ~ "Dropping users.plan breaks 2 code sites", finding drop-column-still-written ~ "users.plan"
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
PRAGMA foreign_keys=ON;
