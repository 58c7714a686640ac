import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm'
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
  archivedAt: row.archivedAt?.toISOString() ?? null,
})

/** What a reorder found: the new order, or that the caller's list is not the group's. */
export type Reordered =
  | { ok: true; meetings: MeetingSummary[]; previous: string[] }
  | { ok: false; reason: 'not_the_groups_meetings' }

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

/**
 * The träffar of a group: ordered by sequence (then date), created with the next sequence.
 * A deleted meeting is out of every read and change here; its row and its content in the
 * workspace stay for the audit log and the history.
 */
export function createMeetings(db: Database) {
  const ofGroup = (groupId: string) =>
    and(eq(meetings.groupId, groupId), isNull(meetings.deletedAt))
  const oneOf = (groupId: string, meetingId: string) =>
    and(ofGroup(groupId), eq(meetings.id, meetingId))

  /** Every meeting of the group that is not deleted, archived ones too, in order. */
  async function list(groupId: string): Promise<MeetingSummary[]> {
    const rows = await db
      .select()
      .from(meetings)
      .where(ofGroup(groupId))
      .orderBy(asc(meetings.sequence), asc(meetings.date), asc(meetings.createdAt))
    return rows.map(toMeetingSummary)
  }

  async function find(groupId: string, meetingId: string): Promise<MeetingSummary | null> {
    const rows = await db.select().from(meetings).where(oneOf(groupId, meetingId)).limit(1)
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
    // Only a caller-chosen id can collide (the demo round): the existing row stands, also
    // when a facilitator deleted it (the demo is not put back on every start).
    const [existing] = await db
      .select()
      .from(meetings)
      .where(and(eq(meetings.groupId, groupId), eq(meetings.id, id)))
      .limit(1)
    if (!existing) throw new Error(`Meeting ${id} exists in another group`)
    return toMeetingSummary(existing)
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
      .where(oneOf(groupId, meetingId))
      .returning()
    return row ? toMeetingSummary(row) : null
  }

  /** Archives (or restores) a meeting; null when the group has no such meeting. */
  async function setArchived(
    groupId: string,
    meetingId: string,
    archived: boolean,
  ): Promise<MeetingSummary | null> {
    const [row] = await db
      .update(meetings)
      .set({ archivedAt: archived ? new Date() : null })
      .where(oneOf(groupId, meetingId))
      .returning()
    return row ? toMeetingSummary(row) : null
  }

  /** Deletes a meeting (the row is kept, marked); null when the group has no such meeting. */
  async function remove(groupId: string, meetingId: string): Promise<MeetingSummary | null> {
    const [row] = await db
      .update(meetings)
      .set({ deletedAt: new Date() })
      .where(oneOf(groupId, meetingId))
      .returning()
    return row ? toMeetingSummary(row) : null
  }

  /**
   * Brings a deleted meeting back (its board's content never left the workspace); null when
   * the group has no such meeting or it is not deleted. It keeps the sequence it had, so it
   * returns to its place unless the meetings were reordered meanwhile.
   */
  async function undelete(groupId: string, meetingId: string): Promise<MeetingSummary | null> {
    const [row] = await db
      .update(meetings)
      .set({ deletedAt: null })
      .where(
        and(
          eq(meetings.groupId, groupId),
          eq(meetings.id, meetingId),
          isNotNull(meetings.deletedAt),
        ),
      )
      .returning()
    return row ? toMeetingSummary(row) : null
  }

  /**
   * Puts the group's meetings in the order given, which must name each of them once (a
   * list read before another facilitator added or deleted one is refused, not half applied).
   */
  async function reorder(groupId: string, meetingIds: readonly string[]): Promise<Reordered> {
    const current = await list(groupId)
    const known = new Set(current.map((meeting) => meeting.id))
    if (meetingIds.length !== known.size || meetingIds.some((id) => !known.has(id)))
      return { ok: false, reason: 'not_the_groups_meetings' }
    const [first, ...rest] = meetingIds.map((id, index) =>
      db
        .update(meetings)
        .set({ sequence: index + 1 })
        .where(oneOf(groupId, id)),
    )
    if (first) await db.batch([first, ...rest])
    return { ok: true, meetings: await list(groupId), previous: current.map((m) => m.id) }
  }

  return { list, find, create, update, setArchived, remove, undelete, reorder }
}

export type Meetings = ReturnType<typeof createMeetings>
