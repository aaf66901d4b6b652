-- Sessions ended by Log Out (lib/auth/session-revocation.ts). No content-version trigger: a sign-out
-- changes nothing a reader sees, so it leaves the page cache alone.
CREATE TABLE `revoked_sessions` (
	`sid` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `revoked_sessions_expires_at` ON `revoked_sessions` (`expires_at`);