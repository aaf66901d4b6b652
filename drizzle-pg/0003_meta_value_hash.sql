-- A btree row cannot hold more than 2704 bytes, and WordPress exports carry meta values longer than that
-- (oEmbed caches): such an import failed on PostgreSQL. Lookups by meta value are equality only (an
-- old permalink, an imported WordPress ID), which a hash index serves at any length. SQLite keeps its
-- (key, value) index, which has no such limit.
DROP INDEX "comment_meta_key_value";--> statement-breakpoint
DROP INDEX "post_meta_key_value";--> statement-breakpoint
CREATE INDEX "comment_meta_key_value" ON "comment_meta" USING hash ("value");--> statement-breakpoint
CREATE INDEX "post_meta_key_value" ON "post_meta" USING hash ("value");