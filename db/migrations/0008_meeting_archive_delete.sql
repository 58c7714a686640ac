ALTER TABLE `meetings` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `meetings` ADD `deleted_at` integer;