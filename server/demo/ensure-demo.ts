import { eq, inArray } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import {
  cohorts,
  groupOrganisations,
  groups,
  meetings,
  organisations,
  settings,
} from '../../db/schema.ts'
import type { Invitations } from '../auth/invitations.ts'
import { storeDocWriter, type DocWriter } from '../domain/doc-writer.ts'
import { createMeetingStructure, type MeetingStructure } from '../domain/meeting-structure.ts'
import type { Groups } from '../domain/groups.ts'
import type { Meetings } from '../domain/meetings.ts'
import type { Logger } from '../log.ts'
import type { Rooms } from '../relay/rooms.ts'
import type { DocStore } from '../storage/doc-store.ts'
import { fillLivingBoard } from './living-board.ts'
import { demoKey, ensureDemoInvites, type DemoInvites } from './invites.ts'
import {
  LIVING_GROUP_ID,
  demoCohorts,
  demoGroups,
  demoMeetingsOf,
  demoOrganisations,
  type DemoGroup,
} from './round.ts'

export interface DemoGroupLinks {
  id: string
  name: string
  room: string
  invites: DemoInvites
}

export interface DemoRound {
  groups: DemoGroupLinks[]
}

export interface DemoServices {
  db: Database
  invitations: Invitations
  groups: Groups
  meetings: Meetings
  store: DocStore
  /** Only for `live`: the CLI has no rooms and writes to the store. */
  rooms?: Pick<Rooms, 'change'>
}

export interface EnsureDemoOptions {
  publicUrl: string
  /** In a running server write Yjs content through the live rooms; otherwise to the store. */
  live?: boolean
  logger?: Logger
  now?: Date
}

const contentMarker = (groupId: string) => `demo_content:${groupId}`
/** The meetings whose structure a demo group's workspace has (their ids, sorted). */
const structureMarker = (groupId: string) => `demo_structure:${groupId}`

/**
 * In a running server: through the room, which unloads right after when nobody is in it.
 * Startup used to load every demo room and keep it for the grace period (945 MB RSS with
 * one grown room); rooms load when members come.
 */
const liveDocWriter = (rooms: Pick<Rooms, 'change'>): DocWriter => ({
  change: (room, apply) => rooms.change(room, apply, { unloadAfter: true }),
})

/** Maps each demo organisation to its row id (an existing row with the same name and kind wins). */
async function ensureOrganisations(db: Database): Promise<Map<string, string>> {
  await db
    .insert(organisations)
    .values(
      demoOrganisations.map(({ id, name, kind, municipalityCode }) => ({
        id,
        name,
        kind,
        municipalityCode,
      })),
    )
    .onConflictDoNothing()
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(
      inArray(
        organisations.name,
        demoOrganisations.map((o) => o.name),
      ),
    )
  const ids = new Map<string, string>()
  for (const org of demoOrganisations) {
    const row = rows.find((r) => r.name === org.name && r.kind === org.kind)
    if (!row) throw new Error(`Demo organisation ${org.name} could not be stored`)
    ids.set(org.id, row.id)
  }
  return ids
}

async function ensureGroupRows(db: Database, group: DemoGroup, orgIds: Map<string, string>) {
  await db
    .insert(groups)
    .values({ id: group.id, cohortId: group.cohortId, name: group.name, room: group.room })
    .onConflictDoNothing()
  const [stored] = await db.select().from(groups).where(eq(groups.id, group.id))
  if (!stored || stored.room !== group.room) {
    throw new Error(
      `Demo group ${group.name} clashes with an existing group (room ${group.room}); rename it first`,
    )
  }
  const orgId = (id: string) => orgIds.get(id) ?? id
  await db
    .insert(groupOrganisations)
    .values(
      group.members.map((member, index) => ({
        groupId: group.id,
        organisationId: orgId(member.organisationId),
        role: member.role,
        position: index,
      })),
    )
    .onConflictDoNothing()
  const cohort = demoCohorts.find((c) => c.id === group.cohortId)
  if (!cohort) throw new Error(`Unknown demo cohort ${group.cohortId}`)
  await db
    .insert(meetings)
    .values(
      demoMeetingsOf(group, cohort).map((meeting) => ({
        ...meeting,
        groupId: group.id,
        hostOrganisationId: meeting.hostOrganisationId && orgId(meeting.hostOrganisationId),
      })),
    )
    .onConflictDoNothing({ target: meetings.id })
}

/**
 * Ensures the demo round: the real 2019 groups with their meetings, each meeting's
 * structure in the group's workspace, a filled-in BM1 for one group, and reusable demo
 * invitations per group and role. Idempotent: a second run adds nothing and returns the
 * same tokens.
 */
export async function ensureDemo(
  services: DemoServices,
  options: EnsureDemoOptions,
): Promise<DemoRound> {
  const { db } = services
  if (options.live && !services.rooms) throw new Error('ensureDemo: live needs the rooms')
  const writer: DocWriter =
    options.live && services.rooms ? liveDocWriter(services.rooms) : storeDocWriter(services.store)
  const structure = createMeetingStructure({
    groups: services.groups,
    meetings: services.meetings,
    writer,
  })

  await db
    .insert(cohorts)
    .values(demoCohorts.map(({ uppstart: _u, resultatkonferens: _r, ...cohort }) => cohort))
    .onConflictDoNothing()
  const orgIds = await ensureOrganisations(db)
  const key = await demoKey(db)

  const result: DemoRound = { groups: [] }
  for (const group of demoGroups) {
    await ensureGroupRows(db, group, orgIds)
    await ensureStructure(services, structure, group)
    if (group.id === LIVING_GROUP_ID) await ensureLivingBoard(services, writer, group)
    const invites = await ensureDemoInvites(db, services.invitations, key, group, options.now)
    result.groups.push({ id: group.id, name: group.name, room: group.room, invites })
  }
  options.logger?.info('demo round ready', {
    groups: result.groups.length,
    url: options.publicUrl,
  })
  return result
}

/**
 * Creates each meeting's structure in the group's workspace, unless it was created for
 * these very meetings before: a restart then reads one settings row per group instead of
 * loading the group's document.
 */
async function ensureStructure(
  services: DemoServices,
  structure: MeetingStructure,
  group: DemoGroup,
): Promise<void> {
  const key = structureMarker(group.id)
  const meetingIds = (await services.meetings.list(group.id))
    .map((meeting) => meeting.id)
    .sort()
    .join(',')
  const [done] = await services.db.select().from(settings).where(eq(settings.key, key))
  if (done?.value === meetingIds) return
  await structure.initialiseAll(group.id)
  await services.db
    .insert(settings)
    .values({ key, value: meetingIds })
    .onConflictDoUpdate({ target: settings.key, set: { value: meetingIds } })
}

/** Fills in the living group's board once; later runs leave the group's own edits alone. */
async function ensureLivingBoard(services: DemoServices, writer: DocWriter, group: DemoGroup) {
  const marker = contentMarker(group.id)
  const done = await services.db.select().from(settings).where(eq(settings.key, marker))
  if (done.length > 0) return
  const context = await services.groups.context(group.id)
  const members = await services.groups.organisationsOf(group.id)
  const meetingList = await services.meetings.list(group.id)
  if (!context) return
  let filled = false
  await writer.change(group.room, (doc) => {
    filled = fillLivingBoard(doc, {
      cohort: context.cohort,
      organisations: members,
      meetings: meetingList,
    })
  })
  if (!filled) return
  await services.db
    .insert(settings)
    .values({ key: marker, value: new Date().toISOString() })
    .onConflictDoNothing()
}
