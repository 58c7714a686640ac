/**
 * Finding a kommun or region as a project leader types it: by name or official code, with
 * or without å, ä, ö ('goteborg', 'Malmo'), hyphens and spaces alike ('upplands bro').
 */
import type { OrganisationKind } from './organisation.ts'
import { officialOrganisations, type OfficialOrganisation } from './municipalities.ts'

/** Lower case, without diacritics, with one space for any run of spaces and hyphens. */
export const foldForSearch = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('sv')
    .replace(/[\s\-–]+/g, ' ')
    .trim()

interface Indexed {
  organisation: OfficialOrganisation
  names: string[]
}

const index: Indexed[] = officialOrganisations.map((organisation) => ({
  organisation,
  names: [foldForSearch(organisation.placeName), foldForSearch(organisation.name)],
}))

/** Lower is better; undefined: no match. */
const rank = ({ organisation, names }: Indexed, query: string): number | undefined => {
  if (/^\d+$/.test(query)) {
    if (organisation.code === query) return 0
    return organisation.code.startsWith(query) ? 1 : undefined
  }
  if (names.some((name) => name.startsWith(query))) return 2
  if (names.some((name) => name.split(' ').some((word) => word.startsWith(query)))) return 3
  if (names.some((name) => name.includes(query))) return 4
  return undefined
}

export interface OrganisationSearchOptions {
  /** Only these kinds (a Modellregioner round looks for regions first, but may take both). */
  kinds?: readonly OrganisationKind[]
  /** At most this many (default 20). */
  limit?: number
}

/**
 * The kommuner and regions matching `query`, best first: the exact code, codes starting
 * with it, names starting with it, a word of the name starting with it, then names holding
 * it; alphabetical within each. An empty query finds nothing.
 */
export const searchOfficialOrganisations = (
  query: string,
  { kinds, limit = 20 }: OrganisationSearchOptions = {},
): OfficialOrganisation[] => {
  const folded = foldForSearch(query)
  if (folded === '') return []
  const matches: { organisation: OfficialOrganisation; rank: number }[] = []
  for (const entry of index) {
    if (kinds && !kinds.includes(entry.organisation.kind)) continue
    const found = rank(entry, folded)
    if (found !== undefined) matches.push({ organisation: entry.organisation, rank: found })
  }
  return matches
    .sort((a, b) => a.rank - b.rank || a.organisation.name.localeCompare(b.organisation.name, 'sv'))
    .slice(0, limit)
    .map((match) => match.organisation)
}
