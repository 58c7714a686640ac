CREATE TABLE `attendance` (
	`participant_id` text NOT NULL,
	`group_id` text NOT NULL,
	`day` text NOT NULL,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	PRIMARY KEY(`participant_id`, `day`),
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attendance_group_day` ON `attendance` (`group_id`,`day`);