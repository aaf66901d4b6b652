CREATE TABLE `federation_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer,
	`activity_id` text NOT NULL,
	`activity_type` text NOT NULL,
	`inbox` text NOT NULL,
	`host` text NOT NULL,
	`status` text NOT NULL,
	`error` text DEFAULT '' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `federation_deliveries_activity_inbox` ON `federation_deliveries` (`activity_id`,`inbox`);--> statement-breakpoint
CREATE INDEX `federation_deliveries_post` ON `federation_deliveries` (`post_id`,`updated_at`);