DROP INDEX `federation_followers_actor`;--> statement-breakpoint
DROP INDEX `federation_followers_status`;--> statement-breakpoint
ALTER TABLE `federation_followers` ADD `followed` text DEFAULT 'blog' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `federation_followers_followed_actor` ON `federation_followers` (`followed`,`actor_id`);--> statement-breakpoint
CREATE INDEX `federation_followers_followed_status` ON `federation_followers` (`followed`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `federation_followers_actor_id` ON `federation_followers` (`actor_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `fediverse` integer DEFAULT false NOT NULL;