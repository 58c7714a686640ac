import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join as joinPath } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadDoc } from '../../../../server/domain/doc-writer.ts'
import type { GroupBackup } from '../../../../shared/exports/backup.ts'
import type { RoundGroup } from '../../../../shared/rounds-api.ts'
import { join, json, PUBLIC_URL, startApi, type ApiHarness, type Joined } from '../harness.ts'
import { signInLead, type SignedInLead } from '../rounds/lead-harness.ts'
import { startEmptyApi, texts, writeBm1Content } from './export-fixture.ts'

/**
 * A backup restored into an existing, still empty group (issue 13): the round lead set the
 * group up (organisations, planned meetings, a facilitator) and the backup fills it, through
 * the live room; a group with content or members is refused.
 */
describe('backup into an empty existing group', () => {
  let source: ApiHarness
  let target: Awaited<ReturnType<typeof startEmptyApi>>
  let backup: GroupBackup
  let lead: SignedInLead
  let cohortId: string
  let group: RoundGroup
  let facilitator: Joined

  beforeAll(async () => {
    source = await startApi()
    const sourceGroup = source.round.groups[0]!
    await writeBm1Content(source, sourceGroup.id)
    backup = JSON.parse(
      JSON.stringify(await source.services.exports.backups.exportGroup(sourceGroup.id)),
    ) as GroupBackup

    target = await startEmptyApi()
    lead = await signInLead(target as unknown as ApiHarness, null)
    const round = await target.app.request(
      '/api/rounds',
      json(
        {
          name: 'Omgång med tom grupp',
          track: 'kommuner',
          startYear: 2019,
          endYear: 2020,
          checklistVersion: backup.round.checklistVersion,
          meetingPlan: [
            { kind: 'uppstart', date: null },
            { kind: 'bm1', date: null },
          ],
        },
        lead.headers,
      ),
    )
    expect(round.status).toBe(201)
    cohortId = ((await round.json()) as { id: string }).id
    const created = await target.app.request(
      `/api/rounds/${cohortId}/groups`,
      json(
        {
          name: 'Den tomma gruppen',
          organisations: [
            { name: 'Tomma stadsdelen A', kind: 'stadsdel', memberRole: 'benchmarking' },
            { name: 'Tomma stadsdelen B', kind: 'stadsdel', memberRole: 'mentor' },
          ],
        },
        lead.headers,
      ),
    )
    expect(created.status).toBe(201)
    group = (await created.json()) as RoundGroup
    // Its first facilitator has joined: still an empty group.
    const invited = await target.app.request(
      `/api/rounds/${cohortId}/groups/${group.id}/invitations`,
      json({}, lead.headers),
    )
    expect(invited.status).toBe(201)
    const { invite } = (await invited.json()) as { invite: string }
    facilitator = await join(target.app as ApiHarness['app'], invite, 'Fia Facilitator')
    expect(facilitator.status).toBe(200)
  })

  afterAll(async () => {
    await source.close()
    await target.close()
  })

  const importInto = (groupId: string, body: unknown = backup) =>
    target.app.request(`/api/rounds/${cohortId}/groups/${groupId}/import`, json(body, lead.headers))

  it('refuses without a lead session (401) and for a group the round does not have (404)', async () => {
    const anonymous = await target.app.request(
      `/api/rounds/${cohortId}/groups/${group.id}/import`,
      json(backup),
    )
    expect(anonymous.status).toBe(401)
    expect((await importInto('no-such-group')).status).toBe(404)
  })

  it('fills the empty group with the backup: its workspace, rows and people, the group kept', async () => {
    const response = await importInto(group.id)
    expect(response.status).toBe(201)
    const body = (await response.json()) as { group: { id: string; room: string } }
    expect(body.group).toEqual({ id: group.id, name: 'Den tomma gruppen', room: group.room })

    const before = await loadDoc(source.services.store, backup.group.room)
    const after = await loadDoc(target.services.store, group.room)
    expect(after.getMap('checklistScores').toJSON()).toEqual(
      before.getMap('checklistScores').toJSON(),
    )
    expect(after.getMap('pdsaPlans').toJSON()).toEqual(before.getMap('pdsaPlans').toJSON())
    for (const meeting of backup.meetings)
      expect(after.getMap('meetings').get(meeting.id), meeting.kind).toBeDefined()
    expect(JSON.stringify(after.getMap('meetings').toJSON())).toContain(texts.answer)

    // Exported again: the backup's rows in the group, beside its own facilitator.
    const again = (await target.services.exports.backups.exportGroup(group.id))!
    expect(again.group).toEqual({ id: group.id, name: 'Den tomma gruppen', room: group.room })
    expect(again.organisations).toEqual(backup.organisations)
    const live = (m: GroupBackup['meetings'][number]) => m.deletedAt === null
    expect(again.meetings.filter(live)).toEqual(backup.meetings.filter(live))
    expect(again.participants.map((p) => p.id).sort()).toEqual(
      [...backup.participants.map((p) => p.id), facilitator.participantId].sort(),
    )
    expect(again.attendance).toEqual(backup.attendance)
    // The round lead's view of the group shows the backup's meetings, not the plan's.
    const view = await target.app.request(`/api/rounds/${cohortId}`, { headers: lead.headers })
    const round = (await view.json()) as { groups: RoundGroup[] }
    const shown = round.groups.find((g) => g.id === group.id)!
    expect(shown.meetings.map((m) => m.id).sort()).toEqual(
      backup.meetings
        .filter(live)
        .map((m) => m.id)
        .sort(),
    )
  })

  it('refuses a group that is not empty any more (409, saying why)', async () => {
    const again = await importInto(group.id)
    expect(again.status).toBe(409)
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(
      /^groupId: the group's workspace has PDSA plans; import into an empty group or a new one/,
    )
  })

  it('npm run cli -- import-backup --round <cohortId> <file> restores another group as a new one', async () => {
    const other = source.round.groups[1]!
    const otherBackup = (await source.services.exports.backups.exportGroup(other.id))!
    const dir = mkdtempSync(joinPath(tmpdir(), 'mr-backup-'))
    const file = joinPath(dir, 'backup.json')
    writeFileSync(file, JSON.stringify(otherBackup))
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'import-backup', ...args], {
        env: {
          ...process.env,
          DATABASE_URL: target.databaseUrl,
          PUBLIC_URL,
          LOG_LEVEL: 'silent',
        },
        encoding: 'utf8',
        timeout: 60_000,
      })
    try {
      const run = cli('--round', cohortId, file)
      expect(run.stderr).toBe('')
      expect(run.status).toBe(0)
      expect(run.stdout).toContain(`${otherBackup.group.name} (room ${otherBackup.group.room})`)
      const restored = await target.services.exports.backups.exportGroup(otherBackup.group.id)
      expect(restored?.meetings).toEqual(otherBackup.meetings)
      const before = await loadDoc(source.services.store, other.room)
      const after = await loadDoc(target.services.store, other.room)
      expect(Y.encodeStateVector(after)).toEqual(Y.encodeStateVector(before))
      // Again: its ids are taken now.
      const twice = cli('--round', cohortId, file)
      expect(twice.status).toBe(1)
      expect(twice.stderr).toMatch(/^Not imported: group: already in this database/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
