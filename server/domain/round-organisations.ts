import { and, eq } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { organisations } from '../../db/schema.ts'
import { findOfficialOrganisation } from '../../shared/domain/municipalities.ts'
import type { OrganisationKind } from '../../shared/domain/organisation.ts'
import type { OrganisationChoice } from '../../shared/rounds-api.ts'
import { randomId } from '../auth/tokens.ts'

interface Wanted {
  name: string
  kind: OrganisationKind
  code: string | null
}

/** What a choice names: the official list's name and kind for a code, else as given. */
const wantedOf = (choice: OrganisationChoice): Wanted => {
  if (choice.municipalityCode !== undefined) {
    const official = findOfficialOrganisation(choice.municipalityCode)
    // The request schema checked the code against the list.
    if (!official) throw new Error(`Unknown official code ${choice.municipalityCode}`)
    return { name: official.name, kind: official.kind, code: official.code }
  }
  if (!choice.name || !choice.kind) throw new Error('An organisation choice without name or kind')
  return { name: choice.name, kind: choice.kind, code: null }
}

/**
 * The organisations table is shared by every round: an organisation that took part before
 * (a mentor now) is the same row, found by its official code, or by kind and name (one
 * added by hand, or stored before it had a code, which it then gets), and made the first
 * time it is named.
 */
export function createRoundOrganisations(db: Database) {
  async function byCode(wanted: Wanted): Promise<string | null> {
    if (wanted.code === null) return null
    const [row] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        and(eq(organisations.kind, wanted.kind), eq(organisations.municipalityCode, wanted.code)),
      )
      .limit(1)
    return row?.id ?? null
  }

  async function byName(wanted: Wanted) {
    const [row] = await db
      .select({ id: organisations.id, code: organisations.municipalityCode })
      .from(organisations)
      .where(and(eq(organisations.kind, wanted.kind), eq(organisations.name, wanted.name)))
      .limit(1)
    return row ?? null
  }

  async function resolveOne(choice: OrganisationChoice): Promise<string> {
    const wanted = wantedOf(choice)
    const coded = await byCode(wanted)
    if (coded) return coded
    const named = await byName(wanted)
    if (named) {
      if (wanted.code !== null && named.code === null)
        await db
          .update(organisations)
          .set({ municipalityCode: wanted.code })
          .where(eq(organisations.id, named.id))
      return named.id
    }
    // Two requests naming a new organisation at once: the unique (name, kind) keeps one.
    await db
      .insert(organisations)
      .values({
        id: randomId(),
        name: wanted.name,
        kind: wanted.kind,
        municipalityCode: wanted.code,
      })
      .onConflictDoNothing()
    const made = await byName(wanted)
    if (!made) throw new Error(`Organisation ${wanted.kind} ${wanted.name} could not be stored`)
    return made.id
  }

  /** The organisations' ids, in the order chosen. */
  async function resolve(choices: readonly OrganisationChoice[]): Promise<string[]> {
    const ids: string[] = []
    for (const choice of choices) ids.push(await resolveOne(choice))
    return ids
  }

  return { resolve }
}

export type RoundOrganisations = ReturnType<typeof createRoundOrganisations>
