ALTER TABLE `invitations` ADD `organisation_id` text;--> statement-breakpoint
ALTER TABLE `invitations` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `participants` ADD `invitation_id` text;--> statement-breakpoint
ALTER TABLE `participants` ADD `last_seen_at` integer;--> statement-breakpoint
ALTER TABLE `participants` ADD `removed_at` integer;--> statement-breakpoint
CREATE INDEX `participants_invitation` ON `participants` (`invitation_id`);--> statement-breakpoint
-- Invitations made by the facilitator route before this kept the organisation in `label`.
UPDATE `invitations` SET `organisation_id` = `label`, `label` = NULL WHERE `label` IN (SELECT `id` FROM `organisations`);
