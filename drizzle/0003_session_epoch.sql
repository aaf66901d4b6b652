ALTER TABLE `users` ADD `session_epoch` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
-- A user's name, email (avatars), links and bio show on reader pages, so changing them empties
-- the page cache; a new password hash (a rehash at sign-in too) or session epoch does not.
DROP TRIGGER IF EXISTS `users_cv_au`;
--> statement-breakpoint
CREATE TRIGGER `users_cv_au` AFTER UPDATE OF `id`, `login`, `email`, `display_name`, `nicename`, `role`, `url`, `bio`, `registered_gmt` ON `users`
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
