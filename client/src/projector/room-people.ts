import type { OrganisationSummary, ParticipantSummary } from '../../../shared/api.ts'
import type { Hand } from '../../../shared/workspace/hands.ts'
import type { Peer } from '../sync/presence.ts'

export interface OrganisationPeople {
  organisationId: string | null
  names: string[]
}

/**
 * Who is here by organisation, in the group's order of organisations (those without one
 * last), names sorted: the people with this meeting's board open, each once however many
 * tabs they have; members elsewhere in the group (its home, another meeting) are not in
 * this room, and the projector itself (`self`) is a screen, not a person.
 */
export function peopleByOrganisation(
  peers: readonly Peer[],
  organisations: readonly OrganisationSummary[],
  meetingId: string,
): OrganisationPeople[] {
  const byOrg = new Map<string | null, string[]>()
  const counted = new Set<string>()
  for (const peer of peers) {
    if (peer.self || peer.presence.view?.meetingId !== meetingId) continue
    if (counted.has(peer.presence.user.participantId)) continue
    counted.add(peer.presence.user.participantId)
    const id = peer.presence.user.organisationId
    byOrg.set(id, [...(byOrg.get(id) ?? []), peer.presence.user.name])
  }
  const order = (id: string | null) => {
    const index = organisations.findIndex((org) => org.id === id)
    return index < 0 ? organisations.length : index
  }
  return [...byOrg.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([organisationId, names]) => ({
      organisationId,
      names: names.sort((a, b) => a.localeCompare(b, 'sv')),
    }))
}

/** Raised hands (first raised first) and "klar", by name. */
export function handsByName(
  hands: Readonly<Record<string, Hand>>,
  peers: readonly Peer[],
  participants: readonly ParticipantSummary[],
): { raised: string[]; ready: string[] } {
  const nameOf = (id: string) =>
    peers.find((peer) => peer.presence.user.participantId === id)?.presence.user.name ??
    participants.find((p) => p.id === id)?.displayName ??
    '?'
  const entries = Object.entries(hands).sort(([, a], [, b]) => a.at - b.at)
  return {
    raised: entries.filter(([, hand]) => hand.raised).map(([id]) => nameOf(id)),
    ready: entries.filter(([, hand]) => hand.ready).map(([id]) => nameOf(id)),
  }
}
