CREATE TABLE `application_passwords` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`user_id` integer NOT NULL,
	`name` text NOT NULL,
	`app_id` text DEFAULT '' NOT NULL,
	`password_hash` text NOT NULL,
	`created_gmt` text NOT NULL,
	`last_used_gmt` text,
	`last_ip` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `application_passwords_uuid_unique` ON `application_passwords` (`uuid`);--> statement-breakpoint
CREATE INDEX `application_passwords_user` ON `application_passwords` (`user_id`);