ALTER TABLE `cohorts` ADD `closed_at` integer;--> statement-breakpoint
ALTER TABLE `cohorts` ADD `retention_days` integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE `participants` ADD `erased_at` integer;