import { spawnSync } from 'node:child_process'
import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../db/client.ts'
import { auditEvents } from '../../../db/schema.ts'
import { createInvitations } from '../../../server/auth/invitations.ts'
import { makeTempDatabase } from '../../helpers/database.ts'
import { startRedis } from '../../helpers/redis.ts'

const temp = makeTempDatabase()

const env = {
  ...process.env,
  DATABASE_URL: temp.url,
  PUBLIC_URL: 'https://modellrummet.example.se',
}

/** As the contract runs it: `npx tsx server/cli.ts …`. */
const cli = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'server/cli.ts', ...args], { env, encoding: 'utf8', timeout: 60_000 })

/** The same CLI without npx's start-up cost, for the many small argument checks. */
const quickCli = (...args: string[]) => quickCliWith({}, ...args)

const quickCliWith = (extraEnv: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
    timeout: 60_000,
  })

interface DemoJson {
  groups: { id: string; name: string; room: string; invites: Record<string, string> }[]
}

describe('npm run cli', () => {
  afterAll(() => temp.remove())

  it('demo --json prints exactly the contract JSON, the same both times', async () => {
    const first = cli('demo', '--json')
    expect(first.status, first.stderr).toBe(0)
    const second = cli('demo', '--json')
    expect(second.status, second.stderr).toBe(0)
    expect(second.stdout).toBe(first.stdout)

    const parsed = JSON.parse(first.stdout) as DemoJson
    expect(Object.keys(parsed)).toEqual(['groups'])
    expect(parsed.groups.length).toBeGreaterThanOrEqual(6)
    for (const group of parsed.groups) {
      expect(Object.keys(group)).toEqual(['id', 'name', 'room', 'invites'])
      expect(Object.keys(group.invites)).toEqual(['facilitator', 'participant', 'viewer'])
      for (const token of Object.values(group.invites)) {
        expect(typeof token).toBe('string')
        expect(token.length).toBeGreaterThanOrEqual(16)
      }
    }
    expect(parsed.groups.map((g) => g.name)).toContain('Askersund och Fagersta')

    // The printed tokens are live invitations in that database.
    const database = await openDatabase({ url: temp.url })
    try {
      const check = await createInvitations(database.db).inspect(parsed.groups[0]!.invites.viewer!)
      expect(check).toMatchObject({ ok: true, invitation: { role: 'viewer' } })
    } finally {
      database.close()
    }
  })

  it('demo without --json prints join links under PUBLIC_URL', () => {
    const result = cli('demo')
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toContain('Askersund och Fagersta')
    expect(result.stdout).toMatch(/https:\/\/modellrummet\.example\.se\/join#[\w-]{43}/)
  })

  it('invite creates a new link once, audited; unknown commands and arguments exit 2', async () => {
    const invite = quickCli(
      'invite',
      '--room',
      'askersund-fagersta',
      '--role',
      'participant',
      '--days',
      '7',
      '--max-uses',
      '3',
    )
    expect(invite.status, invite.stderr).toBe(0)
    expect(invite.stdout).toMatch(/https:\/\/modellrummet\.example\.se\/join#[\w-]{43}/)
    // The round lead's audit log says a link was made for the group, and by the command line.
    const database = await openDatabase({ url: temp.url })
    try {
      const made = await database.db
        .select({ groupId: auditEvents.groupId, detail: auditEvents.detail })
        .from(auditEvents)
        .where(eq(auditEvents.kind, 'invitation.created'))
      expect(made).toEqual([
        {
          groupId: expect.any(String),
          detail: expect.objectContaining({ role: 'participant', maxUses: 3, by: 'cli' }),
        },
      ])
    } finally {
      database.close()
    }

    const unknown = quickCli('frobnicate')
    expect(unknown.status).toBe(2)
    expect(unknown.stdout).toBe('')
    expect(unknown.stderr).toContain('Usage')
    expect(quickCli('invite', '--room', 'askersund-fagersta', '--role', 'boss').status).toBe(2)
    expect(quickCli('demo', '--yaml').status).toBe(2)
    expect(quickCli().status).toBe(2)
    expect(quickCli('migrate').status).toBe(0)
  })

  it('ends with REDIS_URL set, whether Redis answers or not (its connections close)', async () => {
    const redis = await startRedis()
    try {
      const up = quickCliWith(redis.env, 'demo', '--json')
      expect(up.status, up.stderr).toBe(0)
      expect((JSON.parse(up.stdout) as DemoJson).groups.length).toBeGreaterThanOrEqual(6)
    } finally {
      await redis.stop()
    }
    const down = quickCliWith({ ...redis.env, LOG_LEVEL: 'error' }, 'demo', '--json')
    expect(down.status, down.stderr).toBe(0)
    expect(down.error).toBeUndefined() // not killed by the timeout
  })

  it('refuses REDIS_URL without PEER_KEY in one clear line, before touching anything', () => {
    const refused = quickCliWith({ REDIS_URL: 'redis://127.0.0.1:1' }, 'demo', '--json')
    expect(refused.status).toBe(2)
    expect(refused.stdout).toBe('')
    expect(refused.stderr.trim()).toMatch(
      /^Modellrummet cannot start: REDIS_URL is set, so PEER_KEY/,
    )
    expect(refused.stderr).not.toMatch(/\n\s+at /) // no stack trace
  })
})
