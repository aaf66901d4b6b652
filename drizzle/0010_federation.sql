CREATE TABLE `federation_followers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` text NOT NULL,
	`inbox` text NOT NULL,
	`shared_inbox` text,
	`handle` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`url` text,
	`server` text NOT NULL,
	`status` text NOT NULL,
	`follow_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `federation_followers_actor` ON `federation_followers` (`actor_id`);--> statement-breakpoint
CREATE INDEX `federation_followers_status` ON `federation_followers` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `federation_keys` (
	`actor` text NOT NULL,
	`algorithm` text NOT NULL,
	`private_key` text NOT NULL,
	`public_key` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`actor`, `algorithm`)
);
--> statement-breakpoint
CREATE TABLE `federation_kv` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`expires_at` integer
);
