import { and, asc, eq, sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { meetings } from '../../db/schema.ts'
import type { MeetingInput, MeetingPatch, MeetingSummary } from '../../shared/api.ts'
import { randomId } from '../auth/tokens.ts'

type MeetingRow = typeof meetings.$inferSelect

const toMeetingSummary = (row: MeetingRow): MeetingSummary => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  sequence: row.sequence,
  date: row.date,
  startTime: row.startTime,
  durationMinutes: row.durationMinutes,
  hostOrganisationId: row.hostOrganisationId,
  place: row.place,
  videoLink: row.videoLink,
})

/** Only the fields a patch names are changed; `null` clears a field. */
const changesOf = (patch: MeetingPatch): Partial<MeetingRow> => {
  const changes: Partial<MeetingRow> = {}
  if (patch.kind !== undefined) changes.kind = patch.kind
  if (patch.title !== undefined) changes.title = patch.title || null
  if (patch.date !== undefined) changes.date = patch.date
  if (patch.startTime !== undefined) changes.startTime = patch.startTime
  if (patch.durationMinutes !== undefined) changes.durationMinutes = patch.durationMinutes
  if (patch.hostOrganisationId !== undefined) changes.hostOrganisationId = patch.hostOrganisationId
  if (patch.place !== undefined) changes.place = patch.place || null
  if (patch.videoLink !== undefined) changes.videoLink = patch.videoLink
  return changes
}

/** The träffar of a group: ordered by sequence (then date), created with the next sequence. */
export function createMeetings(db: Database) {
  async function list(groupId: string): Promise<MeetingSummary[]> {
    const rows = await db
      .select()
      .from(meetings)
      .where(eq(meetings.groupId, groupId))
      .orderBy(asc(meetings.sequence), asc(meetings.date), asc(meetings.createdAt))
    return rows.map(toMeetingSummary)
  }

  async function find(groupId: string, meetingId: string): Promise<MeetingSummary | null> {
    const rows = await db
      .select()
      .from(meetings)
      .where(and(eq(meetings.groupId, groupId), eq(meetings.id, meetingId)))
      .limit(1)
    return rows[0] ? toMeetingSummary(rows[0]) : null
  }

  /**
   * Inserts a meeting with the next sequence number of its group. The sequence is computed
   * inside the INSERT so two concurrent creations cannot read the same maximum.
   */
  async function create(
    groupId: string,
    input: MeetingInput,
    options: { id?: string; sequence?: number } = {},
  ): Promise<MeetingSummary> {
    const id = options.id ?? randomId()
    const sequence =
      options.sequence ??
      sql<number>`(SELECT COALESCE(MAX(${meetings.sequence}), 0) + 1 FROM ${meetings} WHERE ${meetings.groupId} = ${groupId})`
    const [row] = await db
      .insert(meetings)
      .values({
        id,
        groupId,
        kind: input.kind,
        title: input.title || null,
        sequence,
        date: input.date ?? null,
        startTime: input.startTime ?? null,
        ...(input.durationMinutes !== undefined ? { durationMinutes: input.durationMinutes } : {}),
        hostOrganisationId: input.hostOrganisationId ?? null,
        place: input.place || null,
        videoLink: input.videoLink ?? null,
      })
      .onConflictDoNothing({ target: meetings.id })
      .returning()
    if (row) return toMeetingSummary(row)
    // Only a caller-chosen id can collide (the demo round): the existing row stands.
    const existing = await find(groupId, id)
    if (!existing) throw new Error(`Meeting ${id} exists in another group`)
    return existing
  }

  async function update(
    groupId: string,
    meetingId: string,
    patch: MeetingPatch,
  ): Promise<MeetingSummary | null> {
    const changes = changesOf(patch)
    if (Object.keys(changes).length === 0) return find(groupId, meetingId)
    const [row] = await db
      .update(meetings)
      .set(changes)
      .where(and(eq(meetings.groupId, groupId), eq(meetings.id, meetingId)))
      .returning()
    return row ? toMeetingSummary(row) : null
  }

  return { list, find, create, update }
}

export type Meetings = ReturnType<typeof createMeetings>
