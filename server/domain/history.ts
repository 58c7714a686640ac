import { and, eq, inArray, lte } from 'drizzle-orm'
import * as Y from 'yjs'
import type { Database } from '../../db/client.ts'
import { docSnapshotAuthors, participants } from '../../db/schema.ts'
import { checklistPhaseFor } from '../../shared/domain/checklist.ts'
import { getChecklistVersion } from '../../shared/domain/checklist-versions.ts'
import { GroupMemberRole } from '../../shared/domain/organisation.ts'
import type {
  HistoryAuthor,
  HistoryMeeting,
  HistoryVersion,
  HistoryVersionResponse,
} from '../../shared/history-api.ts'
import {
  meetingsOf,
  readAgenda,
  readChecklist,
  readMatrix,
  readMeeting,
  readPdsaPlans,
} from '../../shared/workspace/index.ts'
import { migrateWorkspace } from '../../shared/workspace/migrations/index.ts'
import {
  restoreFromVersion,
  versionHasMeeting,
  type RestoreScope,
} from '../../shared/workspace/restore.ts'
import type { DocStore, SnapshotInfo } from '../storage/doc-store.ts'
import type { Groups } from './groups.ts'

export interface HistoryDeps {
  db: Database
  store: DocStore
  groups: Groups
  /** Applies a server change to the live room (stored before it is relayed). */
  change(room: string, apply: (doc: Y.Doc) => void): Promise<void>
  /** Folds the room's log into a snapshot now, so the state before a restore is a version. */
  keepVersion(room: string): Promise<void>
}

/** A version the room does not have (another room's id is one): the route's 404. */
export class VersionNotFound extends Error {}
/** The scope names a meeting the version did not have. */
export class MeetingNotInVersion extends Error {}

/** Versions in the order they fold the log (as a load reads them), oldest first. */
const byFold = (snapshots: readonly SnapshotInfo[]): SnapshotInfo[] =>
  [...snapshots].sort((a, b) => a.uptoUpdateId - b.uptoUpdateId || a.id - b.id)

/**
 * The version history of a group's workspace: the snapshots the relay keeps (thinned by
 * server/storage/history.ts), with who was active between each and the one before; one
 * version's content for reading; and a restore, written into the live document as a new
 * change that makes the chosen part equal to the version (shared/workspace/restore.ts).
 */
export function createHistory(deps: HistoryDeps) {
  const { db, store, groups } = deps

  async function list(room: string): Promise<HistoryVersion[]> {
    const snapshots = byFold(await store.listSnapshots(room))
    const last = snapshots.at(-1)
    if (!last) return []
    const rows = await db
      .select()
      .from(docSnapshotAuthors)
      .where(
        and(
          eq(docSnapshotAuthors.room, room),
          lte(docSnapshotAuthors.uptoUpdateId, last.uptoUpdateId),
        ),
      )
    const people = await namesOf([...new Set(rows.map((row) => row.participantId))])
    let after = 0
    const versions = snapshots.map((snapshot) => {
      const counts = new Map<string, number>()
      for (const row of rows) {
        if (row.uptoUpdateId > after && row.uptoUpdateId <= snapshot.uptoUpdateId)
          counts.set(row.participantId, (counts.get(row.participantId) ?? 0) + row.updates)
      }
      after = snapshot.uptoUpdateId
      const authors: HistoryAuthor[] = [...counts]
        .map(([participantId, updates]) => ({
          participantId,
          displayName: people.get(participantId)?.displayName ?? '',
          organisationId: people.get(participantId)?.organisationId ?? null,
          updates,
        }))
        .sort((a, b) => b.updates - a.updates || a.displayName.localeCompare(b.displayName))
      return { id: String(snapshot.id), at: snapshot.createdAt.toISOString(), authors }
    })
    return versions.reverse()
  }

  /** Names as they are now: a renamed member shows the new name, an erased one ''. */
  async function namesOf(ids: string[]) {
    if (ids.length === 0)
      return new Map<string, { displayName: string; organisationId: string | null }>()
    const rows = await db
      .select({
        id: participants.id,
        displayName: participants.displayName,
        organisationId: participants.organisationId,
      })
      .from(participants)
      .where(inArray(participants.id, ids))
    return new Map(rows.map((row) => [row.id, row]))
  }

  /** The version's document, brought to the current schema (in memory only). */
  async function versionDoc(room: string, versionId: number): Promise<Y.Doc> {
    const state = await store.readSnapshot(room, versionId)
    if (!state) throw new VersionNotFound()
    const doc = new Y.Doc()
    Y.applyUpdate(doc, state)
    migrateWorkspace(doc)
    return doc
  }

  async function read(
    room: string,
    groupId: string,
    versionId: number,
  ): Promise<HistoryVersionResponse> {
    const version = (await list(room)).find((v) => v.id === String(versionId))
    if (!version) throw new VersionNotFound()
    const doc = await versionDoc(room, versionId)
    try {
      const [context, organisations] = await Promise.all([
        groups.context(groupId),
        groups.organisationsOf(groupId),
      ])
      const checklistVersion = getChecklistVersion(context?.cohort.checklistVersion ?? '')
      const scoring = new Set(
        organisations
          .filter((org) => org.memberRole === GroupMemberRole.Benchmarking)
          .map((org) => org.id),
      )
      const plans = readPdsaPlans(doc)
      const meetings: HistoryMeeting[] = []
      meetingsOf(doc).forEach((_meeting, meetingId) => {
        const meeting = readMeeting(doc, meetingId)
        if (!meeting) return
        const phase = meeting.kind && checklistPhaseFor(meeting.kind)
        meetings.push({
          id: meetingId,
          kind: meeting.kind,
          agenda: readAgenda(doc, meetingId),
          matrix: readMatrix(doc, meetingId),
          plans: plans.filter((plan) => plan.plannedAtMeetingId === meetingId),
          checklist: phase
            ? {
                phase,
                organisations: meeting.organisationIds
                  .filter((id) => scoring.has(id))
                  .map((organisationId) => ({
                    organisationId,
                    rows: readChecklist(doc, checklistVersion, organisationId, phase),
                  })),
              }
            : null,
        })
      })
      return { version, meetings }
    } finally {
      doc.destroy()
    }
  }

  /**
   * Makes the live document's `scope` equal to the version's, as one server change (stored,
   * then relayed to every member). The state before it is kept as a version first, so a
   * restore can itself be taken back the same way. Says how many entries changed.
   */
  async function restore(room: string, versionId: number, scope: RestoreScope): Promise<number> {
    const source = await versionDoc(room, versionId)
    try {
      if (scope !== 'workspace' && !versionHasMeeting(source, scope.meetingId))
        throw new MeetingNotInVersion()
      await deps.keepVersion(room)
      let changes = 0
      await deps.change(room, (doc) => {
        changes = restoreFromVersion(doc, source, scope)
      })
      return changes
    } finally {
      source.destroy()
    }
  }

  /**
   * Keeps the workspace as it is now as a version (a facilitator before a big change, or a
   * group whose room has not been compacted yet) and returns the newest version.
   */
  async function keep(room: string): Promise<HistoryVersion | null> {
    await deps.keepVersion(room)
    return (await list(room))[0] ?? null
  }

  return { list, read, restore, keep }
}

export type History = ReturnType<typeof createHistory>
