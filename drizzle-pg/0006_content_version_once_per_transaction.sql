-- The content version moves once per transaction, at its first change that readers can see, instead
-- of once per row. Each row's UPDATE of the one content_version row left a new version of that row
-- which the next UPDATE in the same transaction had to walk past, so a transaction writing many rows
-- (the web import: 10,000 posts, 100,000 comments and their meta) slowed down quadratically and did
-- not finish in ten minutes. Caches compare the number only after the commit, so one step is enough.
-- The flag is a transaction-local setting: it ends with the transaction (or the savepoint that set it).
CREATE OR REPLACE FUNCTION inkwell_content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('inkwell.content_changed', true) = '1' THEN RETURN NULL; END IF;
  PERFORM set_config('inkwell.content_changed', '1', true);
  UPDATE content_version SET n = n + 1 WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION inkwell_post_child_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE pid integer;
BEGIN
  IF current_setting('inkwell.content_changed', true) = '1' THEN RETURN NULL; END IF;
  IF TG_OP = 'DELETE' THEN pid := OLD.post_id; ELSE pid := NEW.post_id; END IF;
  IF COALESCE((SELECT status FROM posts WHERE id = pid), 'publish') NOT IN ('draft', 'pending', 'trash') THEN
    PERFORM set_config('inkwell.content_changed', '1', true);
    UPDATE content_version SET n = n + 1 WHERE id = 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION inkwell_comment_child_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE cid integer;
BEGIN
  IF current_setting('inkwell.content_changed', true) = '1' THEN RETURN NULL; END IF;
  IF TG_OP = 'DELETE' THEN cid := OLD.comment_id; ELSE cid := NEW.comment_id; END IF;
  IF COALESCE((SELECT status FROM comments WHERE id = cid), '1') = '1' THEN
    PERFORM set_config('inkwell.content_changed', '1', true);
    UPDATE content_version SET n = n + 1 WHERE id = 1;
  END IF;
  RETURN NULL;
END $$;
