import { describe, expect, it } from 'vitest'
import { listenForGroupChanges } from '../../../client/src/sync/group-changes.ts'
import type { SessionResponse } from '../../../shared/api.ts'
import type { GroupPart } from '../../../shared/protocol/group-changed.ts'
import type { LeadSessionResponse } from '../../../shared/rounds-api.ts'
import { waitFor } from '../../helpers/clients.ts'
import { joinGroup } from '../../helpers/fixtures.ts'
import { useRelayServer } from '../../helpers/relay-server.ts'

describe('erasing a person tells the group’s open pages its members changed', () => {
  const relay = useRelayServer('radera-live')

  it('an open members page hears “members” within a second of the erasure', async () => {
    const { server, group } = relay
    const session = await joinGroup(server.url, group.invites.participant, 'Tas Bort')
    const me = await fetch(`${server.url}/api/rooms/${group.room}/session`, {
      headers: { authorization: `Bearer ${session}` },
    })
    const { participant } = (await me.json()) as SessionResponse

    // A facilitator's page, listening as the members page does.
    const page = await relay.connect('facilitator', 'Lea Ledare')
    const told: GroupPart[] = []
    listenForGroupChanges(page.provider, (part) => told.push(part))

    const { token } = await server.services.leads.invite({
      cohortId: 'test-cohort',
      expiresAt: new Date(Date.now() + 60_000),
      createdBy: null,
    })
    const joined = await fetch(`${server.url}/api/lead/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, displayName: 'Karin Omgång' }),
    })
    const lead = (await joined.json()) as LeadSessionResponse

    const erased = await fetch(
      `${server.url}/api/rounds/test-cohort/participants/${participant.id}/erase`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${lead.session}`, 'content-type': 'application/json' },
        body: '{}',
      },
    )
    expect(erased.status).toBe(200)
    await waitFor(() => told.includes('members'), 1000, 'members changed after the erasure')
  })
})
