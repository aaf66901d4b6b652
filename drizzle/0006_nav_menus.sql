CREATE TABLE `menu_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`menu_id` integer NOT NULL,
	`parent_id` integer,
	`position` integer DEFAULT 0 NOT NULL,
	`type` text NOT NULL,
	`object` text NOT NULL,
	`object_id` integer,
	`title` text DEFAULT '' NOT NULL,
	`url` text DEFAULT '' NOT NULL,
	`target` text DEFAULT '' NOT NULL,
	`classes` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`menu_id`) REFERENCES `menus`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `menu_items`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `menu_items_menu` ON `menu_items` (`menu_id`,`position`);--> statement-breakpoint
CREATE TABLE `menus` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `menus_slug_unique` ON `menus` (`slug`);--> statement-breakpoint
-- Menus show on every reader's page: any write to them moves the content version (drizzle/0002).
CREATE TRIGGER `menus_cv_ai` AFTER INSERT ON `menus`
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `menus_cv_au` AFTER UPDATE ON `menus`
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `menus_cv_ad` AFTER DELETE ON `menus`
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `menu_items_cv_ai` AFTER INSERT ON `menu_items`
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `menu_items_cv_au` AFTER UPDATE ON `menu_items`
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `menu_items_cv_ad` AFTER DELETE ON `menu_items`
BEGIN
  UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
