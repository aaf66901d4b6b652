CREATE TABLE `password_resets` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`key_hash` text NOT NULL,
	`password_stamp` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
