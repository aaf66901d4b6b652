CREATE TABLE `federation_reactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`kind` text NOT NULL,
	`actor_id` text NOT NULL,
	`activity_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `federation_reactions_one` ON `federation_reactions` (`post_id`,`kind`,`actor_id`);--> statement-breakpoint
CREATE INDEX `federation_reactions_activity` ON `federation_reactions` (`activity_id`);--> statement-breakpoint
ALTER TABLE `comments` ADD `remote_id` text;--> statement-breakpoint
ALTER TABLE `comments` ADD `remote_actor` text;--> statement-breakpoint
ALTER TABLE `comments` ADD `avatar_url` text;--> statement-breakpoint
CREATE UNIQUE INDEX `comments_remote_id` ON `comments` (`remote_id`);--> statement-breakpoint
CREATE INDEX `comments_remote_actor` ON `comments` (`remote_actor`,`status`);--> statement-breakpoint
-- Likes and boosts are shown under the post: a change moves the content version (0002's rule).
CREATE TRIGGER `federation_reactions_cv_ai` AFTER INSERT ON `federation_reactions`
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `federation_reactions_cv_ad` AFTER DELETE ON `federation_reactions`
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
