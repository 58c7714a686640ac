PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_doc_updates` (
	`id` integer PRIMARY KEY NOT NULL,
	`room` text NOT NULL,
	`data` blob NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_doc_updates`("id", "room", "data", "created_at") SELECT "id", "room", "data", "created_at" FROM `doc_updates`;--> statement-breakpoint
-- Ids must keep growing past every id ever used (snapshots refer to them): when compaction
-- had deleted the newest rows, a row under no room ('') holds the old AUTOINCREMENT mark.
INSERT INTO `__new_doc_updates`("id", "room", "data") SELECT "seq", '', x'' FROM `sqlite_sequence` WHERE "name" = 'doc_updates' AND "seq" > (SELECT coalesce(max("id"), 0) FROM `doc_updates`);--> statement-breakpoint
DROP TABLE `doc_updates`;--> statement-breakpoint
ALTER TABLE `__new_doc_updates` RENAME TO `doc_updates`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `doc_updates_room` ON `doc_updates` (`room`,`id`);