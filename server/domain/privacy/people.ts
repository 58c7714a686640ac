import { inArray } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { organisations } from '../../../db/schema.ts'
import type { GroupPeopleResponse, PersonResponse } from '../../../shared/privacy-api.ts'
import { allParticipantsOf } from './export-rows.ts'
import type { RoundScope } from './scope.ts'

type Found = NonNullable<Awaited<ReturnType<RoundScope['participant']>>>

/** The people of a round's groups as its round lead sees them (the person page, lists). */
export function createPeople(db: Database, scope: RoundScope) {
  async function organisationNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
    if (wanted.length === 0) return new Map()
    const rows = await db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, wanted))
    return new Map(rows.map((row) => [row.id, row.name]))
  }

  const view = ({ participant, group }: Found, names: Map<string, string>): PersonResponse => ({
    id: participant.id,
    displayName: participant.displayName,
    organisationId: participant.organisationId,
    organisationName: participant.organisationId
      ? (names.get(participant.organisationId) ?? null)
      : null,
    function: participant.function,
    role: participant.role,
    group: { id: group.id, name: group.name, room: group.room },
    joinedAt: participant.createdAt.toISOString(),
    removedAt: participant.removedAt?.toISOString() ?? null,
    erasedAt: participant.erasedAt?.toISOString() ?? null,
  })

  async function person(cohortId: string, participantId: string): Promise<PersonResponse | null> {
    const found = await scope.participant(cohortId, participantId)
    if (!found) return null
    return view(found, await organisationNames([found.participant.organisationId]))
  }

  async function ofGroup(cohortId: string, groupId: string): Promise<GroupPeopleResponse | null> {
    const group = await scope.group(cohortId, groupId)
    if (!group) return null
    const rows = await allParticipantsOf(db, groupId)
    const names = await organisationNames(rows.map((row) => row.organisationId))
    return {
      group: { id: group.id, name: group.name, room: group.room },
      people: rows.map((participant) => view({ participant, group }, names)),
    }
  }

  return { person, ofGroup }
}
