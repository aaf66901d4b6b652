-- Search on PostgreSQL reads a stored tsvector instead of computing it from every matching post:
-- a word most posts contain ("the": the inkwell configuration has no stop words) made ts_rank parse
-- the title and content of all of them again, 1.7 s for 10,000 posts. The column is generated from
-- the same expression as drizzle-pg/0001's index (db/queries/search.ts repeats it), kept by
-- PostgreSQL on every insert and update, and is not part of the drizzle schema: no query selects it.
ALTER TABLE posts ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (setweight(to_tsvector('inkwell', title), 'A') || setweight(to_tsvector('inkwell', content), 'B')) STORED;
--> statement-breakpoint
DROP INDEX posts_fts;
--> statement-breakpoint
CREATE INDEX posts_fts ON posts USING gin (search_vector);
