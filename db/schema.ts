import { sql } from 'drizzle-orm'
import {
  blob,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'
import type { MeetingKind } from '../shared/domain/meeting-kind.ts'
import type { GroupMemberRole, OrganisationKind } from '../shared/domain/organisation.ts'
import type { ParticipantFunction } from '../shared/domain/participant.ts'
import type { Role } from '../shared/roles.ts'

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`)

// ── Who and what may meet where ────────────────────────────────────────────────

/** A round (omgång), e.g. "Modellkommuner 2019–2020". */
export const cohorts = sqliteTable('cohorts', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  track: text('track').notNull(),
  startYear: integer('start_year').notNull(),
  endYear: integer('end_year').notNull(),
  checklistVersion: text('checklist_version').notNull(),
  /** JSON array of meeting kinds in order: a meeting plan is data, not code. */
  meetingPlan: text('meeting_plan', { mode: 'json' }).$type<MeetingKind[]>().notNull(),
  /** The plan's default dates (YYYY-MM-DD or null), one per entry of `meetingPlan`. */
  meetingPlanDates: text('meeting_plan_dates', { mode: 'json' })
    .$type<(string | null)[]>()
    .notNull()
    .default(sql`'[]'`),
  /** When the round lead closed the round; its retention period starts then. */
  closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
  /**
   * Days after closing until the round's sessions and invitations are ended by the
   * retention sweep (server/domain/privacy/retention.ts).
   */
  retentionDays: integer('retention_days').notNull().default(90),
  createdAt: createdAt(),
})

export const organisations = sqliteTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    municipalityCode: text('municipality_code'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('organisations_name_kind').on(t.name, t.kind)],
)

/** A benchmarkinggrupp. Its Yjs workspace lives in the room named `room`. */
export const groups = sqliteTable(
  'groups',
  {
    id: text('id').primaryKey(),
    cohortId: text('cohort_id')
      .notNull()
      .references(() => cohorts.id),
    name: text('name').notNull(),
    room: text('room').notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('groups_cohort_name').on(t.cohortId, t.name)],
)

export const groupOrganisations = sqliteTable(
  'group_organisations',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').$type<GroupMemberRole>().notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.organisationId] })],
)

/** A träff: kind, date, host organisation, place and/or video link. */
export const meetings = sqliteTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id),
    kind: text('kind').$type<MeetingKind>().notNull(),
    title: text('title'),
    sequence: integer('sequence').notNull(),
    /** ISO date (YYYY-MM-DD). */
    date: text('date'),
    startTime: text('start_time'),
    durationMinutes: integer('duration_minutes').notNull().default(360),
    hostOrganisationId: text('host_organisation_id').references(() => organisations.id),
    place: text('place'),
    videoLink: text('video_link'),
    createdAt: createdAt(),
    /** Hidden from the group home's list (under "Arkiverade träffar"), restorable. */
    archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
    /**
     * Deleted by a facilitator: the row stays (audit, history) but no route serves it; its
     * content stays in the group's Y.Doc and snapshots, for the history to restore.
     */
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('meetings_group').on(t.groupId, t.sequence)],
)

export const participants = sqliteTable(
  'participants',
  {
    id: text('id').primaryKey(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id),
    displayName: text('display_name').notNull(),
    organisationId: text('organisation_id').references(() => organisations.id),
    function: text('function').$type<ParticipantFunction>(),
    role: text('role').$type<Role>().notNull(),
    /** The invitation they joined with (null: the demo's or a tool's own participants). */
    invitationId: text('invitation_id'),
    /** When one of their connections last opened or closed (the members page). */
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }),
    /** A facilitator removed them: their sessions are revoked, the row stays for history. */
    removedAt: integer('removed_at', { mode: 'timestamp_ms' }),
    /** The round lead who entered the group as this member (one member per lead and group). */
    leadId: text('lead_id'),
    /**
     * A round lead erased this person: name, organisation and function are cleared (the
     * name is the neutral marker '' the UI shows as "Borttagen person"); the row stays so
     * the audit log and the update log's authorship point at someone anonymous.
     */
    erasedAt: integer('erased_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('participants_group').on(t.groupId),
    index('participants_invitation').on(t.invitationId),
    uniqueIndex('participants_group_lead').on(t.groupId, t.leadId),
  ],
)

/**
 * Who was there on a day: a participant one of whose connections to the group's workspace
 * opened or closed that day (the calendar day in Sweden), noted when `lastSeenAt` is. The
 * meeting minutes list those of the meeting's date as present.
 */
export const attendance = sqliteTable(
  'attendance',
  {
    participantId: text('participant_id')
      .notNull()
      .references(() => participants.id),
    groupId: text('group_id').notNull(),
    /** YYYY-MM-DD, Europe/Stockholm. */
    day: text('day').notNull(),
    firstSeenAt: integer('first_seen_at', { mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.day] }),
    index('attendance_group_day').on(t.groupId, t.day),
  ],
)

/** A reusable invitation link for one group and role. Only the token's hash is stored. */
export const invitations = sqliteTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id),
    role: text('role').$type<Role>().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    label: text('label'),
    /** The member organisation the link is for: who joins with it belongs to it. */
    organisationId: text('organisation_id'),
    /** The facilitator who made it (null: the CLI or the demo). */
    createdBy: text('created_by'),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    maxUses: integer('max_uses'),
    uses: integer('uses').notNull().default(0),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('invitations_group').on(t.groupId, t.role)],
)

/** A participant's signed-in browser. Only the token's hash is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    participantId: text('participant_id')
      .notNull()
      .references(() => participants.id),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id),
    role: text('role').$type<Role>().notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_participant').on(t.participantId)],
)

// ── The round lead (omgångsledare) ─────────────────────────────────────────────

/** SKR's project leader: over one round (`cohortId`) or every round (null). */
export const roundLeads = sqliteTable('round_leads', {
  id: text('id').primaryKey(),
  displayName: text('display_name').notNull(),
  cohortId: text('cohort_id').references(() => cohorts.id),
  /** Their sessions are refused from then on; the row stays for the audit log. */
  removedAt: integer('removed_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
})

/** A one-time link that makes its holder a round lead. Only the token's hash is stored. */
export const leadInvitations = sqliteTable('lead_invitations', {
  id: text('id').primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  cohortId: text('cohort_id').references(() => cohorts.id),
  /** The round lead who made it (null: the command line). */
  createdBy: text('created_by'),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  /** The round lead who joined with it. */
  usedBy: text('used_by'),
  revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
})

/** A round lead's signed-in browser. Only the token's hash is stored. */
export const leadSessions = sqliteTable(
  'lead_sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    leadId: text('lead_id')
      .notNull()
      .references(() => roundLeads.id),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('lead_sessions_lead').on(t.leadId)],
)

/** Server-side secrets and settings that must survive restarts (e.g. the demo invite key). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})

/** Who did what, for the project leader and for incident review. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    groupId: text('group_id'),
    participantId: text('participant_id'),
    /** The round the event belongs to (a group's, or the round's own: round.created …). */
    cohortId: text('cohort_id'),
    /** The round lead who did it (null: a member, the command line or the server). */
    leadId: text('lead_id'),
    kind: text('kind').notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_events_group').on(t.groupId, t.id),
    index('audit_events_cohort').on(t.cohortId, t.id),
  ],
)

// ── The stored Yjs state ───────────────────────────────────────────────────────

/**
 * Append-only log of Yjs updates per room; written before an update is relayed. Plain
 * rowids, no AUTOINCREMENT: its sqlite_sequence row was one more B-tree page written by
 * every commit (a few µs per insert in a tight loop; within noise at the relay's rate). Ids
 * still only grow, because compaction never deletes the table's newest row
 * (libsql-doc-store.ts).
 */
export const docUpdates = sqliteTable(
  'doc_updates',
  {
    id: integer('id').primaryKey(),
    room: text('room').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
    /**
     * The participant whose connection sent the update (null: made by the server), so a
     * harmful edit can be attributed. Stored only: never part of what clients receive.
     */
    participantId: text('participant_id'),
    createdAt: createdAt(),
  },
  (t) => [index('doc_updates_room').on(t.room, t.id)],
)

/**
 * Compacted states. A snapshot covers every log entry of its room with id ≤ uptoUpdateId;
 * earlier snapshots are kept as version history, thinned with age and bounded in bytes per
 * room (server/storage/history.ts).
 */
export const docSnapshots = sqliteTable(
  'doc_snapshots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    room: text('room').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
    uptoUpdateId: integer('upto_update_id').notNull(),
    createdAt: createdAt(),
  },
  // By upto: a load takes the snapshot that folds the most (several nodes may compact).
  (t) => [
    index('doc_snapshots_room').on(t.room, t.id),
    index('doc_snapshots_room_upto').on(t.room, t.uptoUpdateId),
  ],
)

/**
 * Who wrote the log entries a compaction folded (the log itself is dropped once folded):
 * one row per participant and compaction, by the snapshot's upto id, so the version
 * history can say who was active between two versions even after thinning merged them.
 */
export const docSnapshotAuthors = sqliteTable(
  'doc_snapshot_authors',
  {
    room: text('room').notNull(),
    uptoUpdateId: integer('upto_update_id').notNull(),
    participantId: text('participant_id').notNull(),
    /** How many of the folded updates were theirs. */
    updates: integer('updates').notNull(),
  },
  (t) => [primaryKey({ columns: [t.room, t.uptoUpdateId, t.participantId] })],
)

// ── Sealed checklist scoring ───────────────────────────────────────────────────

/**
 * A sealed scoring round of one meeting: while open, each organisation's scores live here,
 * out of the shared workspace, readable only by that organisation's members and the
 * facilitators; the reveal writes them all into the workspace at once.
 */
export const scoringRounds = sqliteTable(
  'scoring_rounds',
  {
    id: text('id').primaryKey(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    /** The checklist phase scored (shared/domain/checklist.ts). */
    phase: text('phase').notNull(),
    state: text('state', { enum: ['open', 'revealed'] }).notNull(),
    openedBy: text('opened_by').notNull(),
    revealedAt: integer('revealed_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('scoring_rounds_meeting').on(t.meetingId)],
)

/** One organisation's sealed score and comment for one checklist item. */
export const sealedScores = sqliteTable(
  'sealed_scores',
  {
    roundId: text('round_id')
      .notNull()
      .references(() => scoringRounds.id),
    organisationId: text('organisation_id').notNull(),
    itemId: text('item_id').notNull(),
    score: integer('score'),
    comment: text('comment').notNull().default(''),
    updatedBy: text('updated_by').notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.organisationId, t.itemId] })],
)

/** An organisation that said it is done scoring in a round. */
export const sealedSubmissions = sqliteTable(
  'sealed_submissions',
  {
    roundId: text('round_id')
      .notNull()
      .references(() => scoringRounds.id),
    organisationId: text('organisation_id').notNull(),
    doneAt: integer('done_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.organisationId] })],
)
