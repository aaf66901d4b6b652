CREATE TABLE `federation_following` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`local_actor` text DEFAULT 'blog' NOT NULL,
	`actor_id` text NOT NULL,
	`inbox` text NOT NULL,
	`shared_inbox` text,
	`handle` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`url` text,
	`server` text NOT NULL,
	`status` text NOT NULL,
	`follow_id` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `federation_following_actor` ON `federation_following` (`local_actor`,`actor_id`);--> statement-breakpoint
CREATE INDEX `federation_following_status` ON `federation_following` (`local_actor`,`status`,`id`);--> statement-breakpoint
CREATE TABLE `federation_reader` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`local_actor` text DEFAULT 'blog' NOT NULL,
	`object_id` text NOT NULL,
	`actor_id` text NOT NULL,
	`author_name` text DEFAULT '' NOT NULL,
	`author_handle` text NOT NULL,
	`author_url` text,
	`url` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`content` text NOT NULL,
	`published` integer NOT NULL,
	`updated_at` integer,
	`like_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `federation_reader_object` ON `federation_reader` (`local_actor`,`object_id`);--> statement-breakpoint
CREATE INDEX `federation_reader_published` ON `federation_reader` (`local_actor`,`published`);