CREATE TABLE `doc_snapshot_authors` (
	`room` text NOT NULL,
	`upto_update_id` integer NOT NULL,
	`participant_id` text NOT NULL,
	`updates` integer NOT NULL,
	PRIMARY KEY(`room`, `upto_update_id`, `participant_id`)
);
