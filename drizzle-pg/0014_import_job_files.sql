CREATE TABLE "import_job_files" (
	"job_id" text PRIMARY KEY NOT NULL,
	"parsed" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_job_files" ADD CONSTRAINT "import_job_files_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A job waiting for its authors at the upgrade keeps its read file.
INSERT INTO "import_job_files" ("job_id", "parsed") SELECT "id", "parsed" FROM "import_jobs" WHERE "parsed" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" DROP COLUMN "parsed";