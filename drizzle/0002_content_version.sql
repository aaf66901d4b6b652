-- The content version (see db/schema.ts, contentVersion): triggers add one whenever a write changes
-- what a reader can see, so the read and page caches know when to forget, and nothing else
-- (pending comments, drafts' autosaves, rate-limit rows, jobs) empties them.
CREATE TABLE `content_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO `content_version` (`id`, `n`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `posts_cv_ai` AFTER INSERT ON `posts`
  WHEN NEW.status NOT IN ('draft', 'pending', 'trash')
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_cv_au` AFTER UPDATE ON `posts`
  WHEN OLD.status NOT IN ('draft', 'pending', 'trash') OR NEW.status NOT IN ('draft', 'pending', 'trash')
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_cv_ad` AFTER DELETE ON `posts`
  WHEN OLD.status NOT IN ('draft', 'pending', 'trash')
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `post_meta_cv_ai` AFTER INSERT ON `post_meta`
  WHEN COALESCE((SELECT status FROM posts WHERE id = NEW.post_id), 'publish') NOT IN ('draft', 'pending', 'trash')
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `post_meta_cv_au` AFTER UPDATE ON `post_meta`
  WHEN COALESCE((SELECT status FROM posts WHERE id = NEW.post_id), 'publish') NOT IN ('draft', 'pending', 'trash')
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `post_meta_cv_ad` AFTER DELETE ON `post_meta`
  WHEN COALESCE((SELECT status FROM posts WHERE id = OLD.post_id), 'publish') NOT IN ('draft', 'pending', 'trash')
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `post_terms_cv_ai` AFTER INSERT ON `post_terms`
  WHEN COALESCE((SELECT status FROM posts WHERE id = NEW.post_id), 'publish') NOT IN ('draft', 'pending', 'trash')
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `post_terms_cv_au` AFTER UPDATE ON `post_terms`
  WHEN COALESCE((SELECT status FROM posts WHERE id = NEW.post_id), 'publish') NOT IN ('draft', 'pending', 'trash')
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `post_terms_cv_ad` AFTER DELETE ON `post_terms`
  WHEN COALESCE((SELECT status FROM posts WHERE id = OLD.post_id), 'publish') NOT IN ('draft', 'pending', 'trash')
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_cv_ai` AFTER INSERT ON `comments`
  WHEN NEW.status = '1'
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_cv_au` AFTER UPDATE ON `comments`
  WHEN OLD.status = '1' OR NEW.status = '1'
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_cv_ad` AFTER DELETE ON `comments`
  WHEN OLD.status = '1'
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `comment_meta_cv_ai` AFTER INSERT ON `comment_meta`
  WHEN COALESCE((SELECT status FROM comments WHERE id = NEW.comment_id), '1') = '1'
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `comment_meta_cv_au` AFTER UPDATE ON `comment_meta`
  WHEN COALESCE((SELECT status FROM comments WHERE id = NEW.comment_id), '1') = '1'
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `comment_meta_cv_ad` AFTER DELETE ON `comment_meta`
  WHEN COALESCE((SELECT status FROM comments WHERE id = OLD.comment_id), '1') = '1'
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `terms_cv_ai` AFTER INSERT ON `terms`
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `terms_cv_au` AFTER UPDATE ON `terms`
  WHEN OLD.name IS NOT NEW.name OR OLD.slug IS NOT NEW.slug OR OLD.count IS NOT NEW.count OR OLD.parent_id IS NOT NEW.parent_id OR OLD.description IS NOT NEW.description OR OLD.taxonomy IS NOT NEW.taxonomy
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `terms_cv_ad` AFTER DELETE ON `terms`
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `options_cv_ai` AFTER INSERT ON `options`
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `options_cv_au` AFTER UPDATE ON `options`
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `options_cv_ad` AFTER DELETE ON `options`
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `users_cv_ai` AFTER INSERT ON `users`
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `users_cv_au` AFTER UPDATE ON `users`
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `users_cv_ad` AFTER DELETE ON `users`
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `media_cv_ai` AFTER INSERT ON `media`
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `media_cv_au` AFTER UPDATE ON `media`
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `media_cv_ad` AFTER DELETE ON `media`
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
