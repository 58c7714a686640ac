/**
 * The version history's contract (issue 13 § Version history): the snapshots the relay
 * keeps of a group's workspace, listed, read and restored as a new change.
 * `GET /api/rooms/:room/history` · `POST /api/rooms/:room/history` (keep one now) ·
 * `GET /api/rooms/:room/history/:versionId` ·
 * `POST /api/rooms/:room/history/:versionId/restore` (facilitators).
 */
import * as z from 'zod'
import type { ChecklistPhase } from './domain/checklist.ts'
import type { MeetingKind } from './domain/meeting-kind.ts'
import type { AgendaItem, ChecklistRow, Matrix, PdsaPlan } from './workspace/index.ts'
import { restoreParts, type RestorePart, type RestoreScope } from './workspace/restore.ts'

export type { RestorePart, RestoreScope }

/** Someone whose edits a version holds (since the version before it). */
export interface HistoryAuthor {
  participantId: string
  /** Read when asked: a renamed member shows the new name, an erased one a placeholder. */
  displayName: string
  organisationId: string | null
  /** How many of their stored updates went into this version. */
  updates: number
}

export interface HistoryVersion {
  /** The snapshot's id, as a string (a path segment). */
  id: string
  /** When it was stored (ISO). */
  at: string
  /** Who changed the workspace between the version before and this one, most active first. */
  authors: HistoryAuthor[]
}

export interface HistoryListResponse {
  /** Newest first. */
  versions: HistoryVersion[]
}

/** `POST /api/rooms/:room/history` (facilitators): the state now, kept as a version. */
export interface HistoryKeptResponse {
  version: HistoryVersion
}

/** One meeting as a version holds it, for reading (board parts, without controls). */
export interface HistoryMeeting {
  id: string
  kind: MeetingKind | null
  agenda: AgendaItem[]
  matrix: Matrix
  plans: PdsaPlan[]
  checklist: {
    phase: ChecklistPhase
    organisations: { organisationId: string; rows: ChecklistRow[] }[]
  } | null
}

export interface HistoryVersionResponse {
  version: HistoryVersion
  meetings: HistoryMeeting[]
}

/** Path parameter: a snapshot id (digits). */
export const versionParamsSchema = z.object({
  room: z.string(),
  versionId: z.string().regex(/^[1-9][0-9]{0,15}$/, 'a version id is a positive whole number'),
})

const restoreScopeSchema: z.ZodType<RestoreScope> = z.union([
  z.literal('workspace'),
  z
    .object({
      meetingId: z.string().min(1).max(100),
      part: z.enum(restoreParts).optional(),
    })
    .strict(),
])

/** `POST …/history/:versionId/restore` */
export const restoreRequestSchema = z.object({ scope: restoreScopeSchema }).strict()

export interface RestoreResponse {
  /** The version restored from. */
  versionId: string
  scope: RestoreScope
  /** Entries changed by the restore (0: the part already equalled the version). */
  changes: number
}
