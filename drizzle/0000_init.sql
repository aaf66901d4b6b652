CREATE TABLE `comment_meta` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`comment_id` integer NOT NULL,
	`key` text NOT NULL,
	`value` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `comment_meta_comment_key` ON `comment_meta` (`comment_id`,`key`);--> statement-breakpoint
CREATE INDEX `comment_meta_key_value` ON `comment_meta` (`key`,`value`);--> statement-breakpoint
CREATE TABLE `comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`parent_id` integer,
	`type` text DEFAULT 'comment' NOT NULL,
	`status` text DEFAULT '0' NOT NULL,
	`author_name` text DEFAULT '' NOT NULL,
	`author_email` text DEFAULT '' NOT NULL,
	`author_url` text DEFAULT '' NOT NULL,
	`author_ip` text DEFAULT '' NOT NULL,
	`user_agent` text DEFAULT '' NOT NULL,
	`user_id` integer,
	`content` text DEFAULT '' NOT NULL,
	`date` text NOT NULL,
	`date_gmt` text NOT NULL,
	`author_token` text,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `comments_post_status_date` ON `comments` (`post_id`,`status`,`date_gmt`);--> statement-breakpoint
CREATE INDEX `comments_status_date` ON `comments` (`status`,`date_gmt`);--> statement-breakpoint
CREATE INDEX `comments_parent` ON `comments` (`parent_id`);--> statement-breakpoint
CREATE INDEX `comments_email_status` ON `comments` (`author_email`,`status`);--> statement-breakpoint
CREATE INDEX `comments_ip_date` ON `comments` (`author_ip`,`date_gmt`);--> statement-breakpoint
CREATE INDEX `comments_email_date` ON `comments` (`author_email`,`date_gmt`);--> statement-breakpoint
CREATE INDEX `comments_user` ON `comments` (`user_id`);--> statement-breakpoint
CREATE INDEX `comments_post_author_url` ON `comments` (`post_id`,`author_url`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`run_at` integer NOT NULL,
	`locked_until` integer,
	`last_error` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `jobs_status_run_at` ON `jobs` (`status`,`run_at`);--> statement-breakpoint
CREATE TABLE `media` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`author_id` integer,
	`post_id` integer,
	`path` text DEFAULT '' NOT NULL,
	`original_url` text DEFAULT '' NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer DEFAULT 0 NOT NULL,
	`width` integer,
	`height` integer,
	`title` text DEFAULT '' NOT NULL,
	`alt` text DEFAULT '' NOT NULL,
	`caption` text DEFAULT '' NOT NULL,
	`sizes` text DEFAULT '{}' NOT NULL,
	`created_gmt` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')) NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `media_post` ON `media` (`post_id`);--> statement-breakpoint
CREATE INDEX `media_created` ON `media` (`created_gmt`);--> statement-breakpoint
CREATE INDEX `media_original_url` ON `media` (`original_url`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`link` text DEFAULT '' NOT NULL,
	`read_at` text,
	`created_gmt` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_user_created` ON `notifications` (`user_id`,`created_gmt`);--> statement-breakpoint
CREATE TABLE `options` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `pings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`url` text NOT NULL,
	`protocol` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`updated_gmt` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')) NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pings_post_url_protocol` ON `pings` (`post_id`,`url`,`protocol`);--> statement-breakpoint
CREATE TABLE `post_meta` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`key` text NOT NULL,
	`value` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `post_meta_post_key` ON `post_meta` (`post_id`,`key`);--> statement-breakpoint
CREATE INDEX `post_meta_key_value` ON `post_meta` (`key`,`value`);--> statement-breakpoint
CREATE TABLE `post_terms` (
	`post_id` integer NOT NULL,
	`term_id` integer NOT NULL,
	PRIMARY KEY(`post_id`, `term_id`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`term_id`) REFERENCES `terms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `post_terms_term_post` ON `post_terms` (`term_id`,`post_id`);--> statement-breakpoint
CREATE TABLE `posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text DEFAULT 'post' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`slug` text NOT NULL,
	`content` text DEFAULT '' NOT NULL,
	`excerpt` text DEFAULT '' NOT NULL,
	`password` text DEFAULT '' NOT NULL,
	`parent_id` integer,
	`menu_order` integer DEFAULT 0 NOT NULL,
	`sticky` integer DEFAULT false NOT NULL,
	`comment_status` text DEFAULT 'open' NOT NULL,
	`ping_status` text DEFAULT 'open' NOT NULL,
	`to_ping` text DEFAULT '' NOT NULL,
	`pinged` text DEFAULT '' NOT NULL,
	`author_id` integer NOT NULL,
	`featured_media_id` integer,
	`trashed_from` text,
	`date` text NOT NULL,
	`date_gmt` text NOT NULL,
	`modified` text NOT NULL,
	`modified_gmt` text NOT NULL,
	`comment_count` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`guid` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `posts_type_slug_unique` ON `posts` (`type`,`slug`);--> statement-breakpoint
CREATE INDEX `posts_type_status_date` ON `posts` (`type`,`status`,`date_gmt`);--> statement-breakpoint
CREATE INDEX `posts_author_type_status_date` ON `posts` (`author_id`,`type`,`status`,`date_gmt`);--> statement-breakpoint
CREATE INDEX `posts_parent` ON `posts` (`parent_id`,`menu_order`);--> statement-breakpoint
CREATE INDEX `posts_sticky` ON `posts` (`sticky`,`type`,`status`);--> statement-breakpoint
CREATE INDEX `posts_status_date` ON `posts` (`status`,`date_gmt`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`expire` integer
);
--> statement-breakpoint
CREATE TABLE `revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`author_id` integer,
	`kind` text DEFAULT 'revision' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`content` text DEFAULT '' NOT NULL,
	`excerpt` text DEFAULT '' NOT NULL,
	`created_gmt` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')) NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `revisions_post_kind_created` ON `revisions` (`post_id`,`kind`,`created_gmt`);--> statement-breakpoint
CREATE TABLE `terms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`taxonomy` text NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`parent_id` integer,
	`count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `terms`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `terms_taxonomy_slug_unique` ON `terms` (`taxonomy`,`slug`);--> statement-breakpoint
CREATE INDEX `terms_taxonomy_parent` ON `terms` (`taxonomy`,`parent_id`);--> statement-breakpoint
CREATE INDEX `terms_taxonomy_count` ON `terms` (`taxonomy`,`count`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`login` text NOT NULL,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`nicename` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text DEFAULT 'subscriber' NOT NULL,
	`url` text DEFAULT '' NOT NULL,
	`bio` text DEFAULT '' NOT NULL,
	`registered_gmt` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_login_unique` ON `users` (lower("login"));--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX `users_nicename_unique` ON `users` (`nicename`);