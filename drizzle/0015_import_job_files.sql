CREATE TABLE `import_job_files` (
	`job_id` text PRIMARY KEY NOT NULL,
	`parsed` text NOT NULL,
	FOREIGN KEY (`job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- A job waiting for its authors at the upgrade keeps its read file.
INSERT INTO `import_job_files` (`job_id`, `parsed`) SELECT `id`, `parsed` FROM `import_jobs` WHERE `parsed` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `import_jobs` DROP COLUMN `parsed`;