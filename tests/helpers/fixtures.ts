import type { Database } from '../../db/client.ts'
import { cohorts, docUpdates, groups } from '../../db/schema.ts'
import type { Invitations } from '../../server/auth/invitations.ts'
import type { Role } from '../../shared/roles.ts'
import { connectClient, waitForSync, type TestClient } from './clients.ts'
import { testWorkspaceUpdate } from './workspace.ts'

export interface TestGroup {
  id: string
  room: string
  invites: Record<Role, string>
}

/**
 * A group with one invitation per role, written through the real invitation service.
 * Relay tests use it so they do not depend on the demo round's content.
 */
export async function createTestGroup(
  db: Database,
  invitations: Invitations,
  name: string,
): Promise<TestGroup> {
  await db
    .insert(cohorts)
    .values({
      id: 'test-cohort',
      name: 'Testomgång',
      track: 'kommuner',
      startYear: 2026,
      endYear: 2027,
      checklistVersion: 'skr-2019',
      meetingPlan: ['uppstart', 'bm1', 'bm2', 'bm3', 'resultatkonferens'],
    })
    .onConflictDoNothing()
  const id = `group-${name}`
  await db.insert(groups).values({ id, cohortId: 'test-cohort', name, room: name })
  // The texts tests write in, as if the server had created them (tests/helpers/workspace.ts).
  await db.insert(docUpdates).values({ room: name, data: Buffer.from(testWorkspaceUpdate()) })
  const expiresAt = new Date(Date.now() + 24 * 60 * 60 * 1000)
  const invites = {} as Record<Role, string>
  for (const role of ['facilitator', 'participant', 'viewer'] as const) {
    invites[role] = (await invitations.create({ groupId: id, role, expiresAt })).token
  }
  return { id, room: name, invites }
}

/** Joins through the real HTTP API and returns the session token. */
export async function joinGroup(baseUrl: string, invite: string, name: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ invite, name }),
  })
  if (!response.ok) throw new Error(`join failed: ${response.status} ${await response.text()}`)
  const body = (await response.json()) as { session: string }
  return body.session
}

/**
 * Joins `group` as a participant through `baseUrl` and connects a synced client there;
 * the client goes into `clients`, which the test destroys afterwards.
 */
export async function connectMember(
  baseUrl: string,
  group: TestGroup,
  name: string,
  clients: TestClient[],
): Promise<TestClient> {
  const session = await joinGroup(baseUrl, group.invites.participant, name)
  const client = connectClient(baseUrl, group.room, session)
  clients.push(client)
  await waitForSync(client, 10_000)
  return client
}
