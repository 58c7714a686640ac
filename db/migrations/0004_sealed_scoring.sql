CREATE TABLE `scoring_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`group_id` text NOT NULL,
	`meeting_id` text NOT NULL,
	`phase` text NOT NULL,
	`state` text NOT NULL,
	`opened_by` text NOT NULL,
	`revealed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `scoring_rounds_meeting` ON `scoring_rounds` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `sealed_scores` (
	`round_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`item_id` text NOT NULL,
	`score` integer,
	`comment` text DEFAULT '' NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`round_id`, `organisation_id`, `item_id`),
	FOREIGN KEY (`round_id`) REFERENCES `scoring_rounds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sealed_submissions` (
	`round_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`done_at` integer NOT NULL,
	PRIMARY KEY(`round_id`, `organisation_id`),
	FOREIGN KEY (`round_id`) REFERENCES `scoring_rounds`(`id`) ON UPDATE no action ON DELETE no action
);
