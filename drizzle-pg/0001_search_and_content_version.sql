-- Full-text search (PostgreSQL's counterpart of SQLite's posts_fts, drizzle/0001): one GIN index
-- over a weighted tsvector of title (A) and content (B), with accents folded as SQLite's
-- remove_diacritics does. The expression is repeated verbatim by the search query (db/queries/search.ts)
-- so that the planner uses the index. unaccent is a trusted extension: a database owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION inkwell (COPY = pg_catalog.simple);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION inkwell ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
--> statement-breakpoint
CREATE INDEX posts_fts ON posts USING gin ((setweight(to_tsvector('inkwell', title), 'A') || setweight(to_tsvector('inkwell', content), 'B')));
--> statement-breakpoint
-- The content version (db/schema.ts, contentVersion; drizzle/0002 for SQLite): triggers add one whenever
-- a write changes what a reader can see, so the read and page caches know when to forget.
INSERT INTO content_version (id, n) VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION inkwell_content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION inkwell_post_child_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE pid integer;
BEGIN
  IF TG_OP = 'DELETE' THEN pid := OLD.post_id; ELSE pid := NEW.post_id; END IF;
  IF COALESCE((SELECT status FROM posts WHERE id = pid), 'publish') NOT IN ('draft', 'pending', 'trash') THEN
    UPDATE content_version SET n = n + 1 WHERE id = 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION inkwell_comment_child_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE cid integer;
BEGIN
  IF TG_OP = 'DELETE' THEN cid := OLD.comment_id; ELSE cid := NEW.comment_id; END IF;
  IF COALESCE((SELECT status FROM comments WHERE id = cid), '1') = '1' THEN
    UPDATE content_version SET n = n + 1 WHERE id = 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER posts_cv_ai AFTER INSERT ON posts
  FOR EACH ROW
  WHEN (NEW.status NOT IN ('draft', 'pending', 'trash'))
  EXECUTE FUNCTION inkwell_content_changed();
--> statement-breakpoint
CREATE TRIGGER posts_cv_au AFTER UPDATE ON posts
  FOR EACH ROW
  WHEN (OLD.status NOT IN ('draft', 'pending', 'trash') OR NEW.status NOT IN ('draft', 'pending', 'trash'))
  EXECUTE FUNCTION inkwell_content_changed();
--> statement-breakpoint
CREATE TRIGGER posts_cv_ad AFTER DELETE ON posts
  FOR EACH ROW
  WHEN (OLD.status NOT IN ('draft', 'pending', 'trash'))
  EXECUTE FUNCTION inkwell_content_changed();
--> statement-breakpoint
CREATE TRIGGER post_meta_cv_ai AFTER INSERT ON post_meta
  FOR EACH ROW
  EXECUTE FUNCTION inkwell_post_child_changed();
--> statement-breakpoint
CREATE TRIGGER post_meta_cv_au AFTER UPDATE ON post_meta
  FOR EACH ROW
  EXECUTE FUNCTION inkwell_post_child_changed();
--> statement-breakpoint
CREATE TRIGGER post_meta_cv_ad AFTER DELETE ON post_meta
  FOR EACH ROW
  EXECUTE FUNCTION inkwell_post_child_changed();
--> statement-breakpoint
CREATE TRIGGER post_terms_cv_ai AFTER INSERT ON post_terms
  FOR EACH ROW
  EXECUTE FUNCTION inkwell_post_child_changed();
--> statement-breakpoint
CREATE TRIGGER post_terms_cv_au AFTER UPDATE ON post_terms
  FOR EACH ROW
  EXECUTE FUNCTION inkwell_post_child_changed();
--> statement-breakpoint
CREATE TRIGGER post_terms_cv_ad AFTER DELETE ON post_terms
  FOR EACH ROW
  EXECUTE FUNCTION inkwell_post_child_changed();
--> statement-breakpoint
CREATE TRIGGER comments_cv_ai AFTER INSERT ON comments
  FOR EACH ROW
  WHEN (NEW.status = '1')
  EXECUTE FUNCTION inkwell_content_changed();
--> statement-breakpoint
CREATE TRIGGER comments_cv_au AFTER UPDATE ON comments
  FOR EACH ROW
  WHEN (OLD.status = '1' OR NEW.status = '1')
  EXECUTE FUNCTION inkwell_content_changed();
--> statement-breakpoint
CREATE TRIGGER comments_cv_ad AFTER DELETE ON comments
  FOR EACH ROW
  WHEN (OLD.status = '1')
  EXECUTE FUNCTION inkwell_content_changed();
--> statement-breakpoint
CREATE TRIGGER comment_meta_cv_ai AFTER INSERT ON comment_meta
  FOR EACH ROW
  EXECUTE FUNCTION inkwell_comment_child_changed();
--> statement-breakpoint
CREATE TRIGGER comment_meta_cv_au AFTER UPDATE ON comment_meta
  FOR EACH ROW
  EXECUTE FUNCTION inkwell_comment_child_changed();
--> statement-breakpoint
CREATE TRIGGER comment_meta_cv_ad AFTER DELETE ON comment_meta
  FOR EACH ROW
  EXECUTE FUNCTION inkwell_comment_child_changed();
--> statement-breakpoint
CREATE TRIGGER terms_cv_ai AFTER INSERT ON terms
  FOR EACH ROW
  EXECUTE FUNCTION inkwell_content_changed();
--> statement-breakpoint
CREATE TRIGGER terms_cv_au AFTER UPDATE ON terms
  FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.slug IS DISTINCT FROM NEW.slug OR OLD.count IS DISTINCT FROM NEW.count OR OLD.parent_id IS DISTINCT FROM NEW.parent_id OR OLD.description IS DISTINCT FROM NEW.description OR OLD.taxonomy IS DISTINCT FROM NEW.taxonomy)
  EXECUTE FUNCTION inkwell_content_changed();
--> statement-breakpoint
CREATE TRIGGER terms_cv_ad AFTER DELETE ON terms
  FOR EACH ROW
  EXECUTE FUNCTION inkwell_content_changed();
--> statement-breakpoint
CREATE TRIGGER options_cv_ai AFTER INSERT ON options
  FOR EACH ROW
  EXECUTE FUNCTION inkwell_content_changed();
--> statement-breakpoint
CREATE TRIGGER options_cv_au AFTER UPDATE ON options
  FOR EACH ROW
  EXECUTE FUNCTION inkwell_content_changed();
--> statement-breakpoint
CREATE TRIGGER options_cv_ad AFTER DELETE ON options
  FOR EACH ROW
  EXECUTE FUNCTION inkwell_content_changed();
--> statement-breakpoint
CREATE TRIGGER media_cv_ai AFTER INSERT ON media
  FOR EACH ROW
  EXECUTE FUNCTION inkwell_content_changed();
--> statement-breakpoint
CREATE TRIGGER media_cv_au AFTER UPDATE ON media
  FOR EACH ROW
  EXECUTE FUNCTION inkwell_content_changed();
--> statement-breakpoint
CREATE TRIGGER media_cv_ad AFTER DELETE ON media
  FOR EACH ROW
  EXECUTE FUNCTION inkwell_content_changed();
--> statement-breakpoint
CREATE TRIGGER users_cv_ai AFTER INSERT ON users
  FOR EACH ROW
  EXECUTE FUNCTION inkwell_content_changed();
--> statement-breakpoint
-- A new password hash or session epoch changes nothing a reader sees (drizzle/0003 for SQLite).
CREATE TRIGGER users_cv_au AFTER UPDATE OF id, login, email, display_name, nicename, role, url, bio, registered_gmt ON users
  FOR EACH ROW
  EXECUTE FUNCTION inkwell_content_changed();
--> statement-breakpoint
CREATE TRIGGER users_cv_ad AFTER DELETE ON users
  FOR EACH ROW
  EXECUTE FUNCTION inkwell_content_changed();
