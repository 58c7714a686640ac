CREATE TABLE `lead_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`cohort_id` text,
	`created_by` text,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`used_by` text,
	`revoked_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohorts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lead_invitations_token_hash_unique` ON `lead_invitations` (`token_hash`);--> statement-breakpoint
CREATE TABLE `lead_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`lead_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `round_leads`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lead_sessions_token_hash_unique` ON `lead_sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `lead_sessions_lead` ON `lead_sessions` (`lead_id`);--> statement-breakpoint
CREATE TABLE `round_leads` (
	`id` text PRIMARY KEY NOT NULL,
	`display_name` text NOT NULL,
	`cohort_id` text,
	`removed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohorts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `audit_events` ADD `cohort_id` text;--> statement-breakpoint
ALTER TABLE `audit_events` ADD `lead_id` text;--> statement-breakpoint
CREATE INDEX `audit_events_cohort` ON `audit_events` (`cohort_id`,`id`);--> statement-breakpoint
ALTER TABLE `cohorts` ADD `meeting_plan_dates` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `participants` ADD `lead_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `participants_group_lead` ON `participants` (`group_id`,`lead_id`);