/**
 * Administration from the shell: `npm run cli -- <command>`.
 *   demo [--json]                  ensure the demo round, print its invitation links
 *   invite --room R --role ROLE [--days N] [--max-uses N]
 *                                  create a new invitation and print its link once
 *   admin-invite [--round C] [--days N]
 *                                  a one-time link that makes its holder a round lead
 *   import-backup --round C FILE   restore a group's backup (.json) as a new group of round C
 *   migrate                        apply the database migrations
 * Output meant for people and scripts goes to stdout; logs go to stderr.
 */
import { readFile } from 'node:fs/promises'
import { eq } from 'drizzle-orm'
import { parseCommandArgs } from './cli-args.ts'
import { openDatabase, type DatabaseHandle } from '../db/client.ts'
import { groups } from '../db/schema.ts'
import { isRole, roles } from '../shared/roles.ts'
import { readConfigOrExit, type ServerConfig } from './config.ts'
import { cliRoleName, formatDemoLinks } from './demo/print.ts'
import { ensureDemo, type DemoRound } from './demo/ensure-demo.ts'
import { joinLink } from './demo/invites.ts'
import {
  DEFAULT_LEAD_INVITATION_DAYS,
  leadInvitationExpiry,
  leadJoinLink,
} from './auth/lead-links.ts'
import { groupBackupSchema } from '../shared/exports/backup.ts'
import { BackupRefused } from './exports/backup-rows.ts'
import { createExportServices } from './exports/index.ts'
import { createLogger, type Logger } from './log.ts'
import { createStoredServices } from './services.ts'

const usage = `Usage: npm run cli -- <command>

Commands:
  demo [--json]        Ensure the demo round (2019 groups) and print its invitation links.
                       --json prints { "groups": [ { id, name, room, invites } ] } only.
  invite --room <room> --role <facilitator|participant|viewer> [--days N] [--max-uses N]
                       Create a new invitation for a group's room and print its link once.
                       Roles: facilitator = processledare, participant = deltagare,
                       viewer = åhörare (read only).
                       Defaults: 30 days, no use limit.
  admin-invite [--round <cohortId>] [--days N]
                       Create a one-time link that makes its holder a round lead
                       (omgångsledare: sets up rounds and groups in the app) over one
                       round, or every round without --round, and print it once.
                       Default: valid 7 days.
  import-backup --round <cohortId> <file>
                       Restore a group's backup (the .json a facilitator downloads) as a
                       new group of the round, with the backup's ids; its invitations come
                       back withdrawn, so invite the facilitators anew (admin-invite, then
                       the round's page). Into an existing empty group: the round's page.
  migrate              Apply the database migrations.
`

class UsageError extends Error {}

const positiveInt = (value: string | undefined, name: string, fallback: number | null) => {
  if (value === undefined) return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new UsageError(`--${name} must be a whole number ≥ 1`)
  return parsed
}

const open = (config: ServerConfig): Promise<DatabaseHandle> =>
  openDatabase({ url: config.databaseUrl, authToken: config.databaseAuthToken })

/** Only the contract's fields, in the contract's order. */
const demoJson = (round: DemoRound) => ({
  groups: round.groups.map(({ id, name, room, invites }) => ({
    id,
    name,
    room,
    invites: {
      facilitator: invites.facilitator,
      participant: invites.participant,
      viewer: invites.viewer,
    },
  })),
})

async function demo(args: string[], config: ServerConfig, logger: Logger): Promise<void> {
  const { values } = parseCommandArgs({ args, options: { json: { type: 'boolean' } } })
  const database = await open(config)
  const services = createStoredServices(database)
  try {
    const round = await ensureDemo(services, { publicUrl: config.publicUrl, logger })
    process.stdout.write(
      values.json
        ? JSON.stringify(demoJson(round), null, 2) + '\n'
        : formatDemoLinks(round, config.publicUrl),
    )
  } finally {
    await database.close()
  }
}

async function invite(args: string[], config: ServerConfig, logger: Logger): Promise<void> {
  const { values } = parseCommandArgs({
    args,
    options: {
      room: { type: 'string' },
      role: { type: 'string' },
      days: { type: 'string' },
      'max-uses': { type: 'string' },
    },
  })
  if (!values.room) throw new UsageError('--room is required')
  if (!isRole(values.role)) throw new UsageError(`--role must be one of ${roles.join(', ')}`)
  const days = positiveInt(values.days, 'days', 30) ?? 30
  const maxUses = positiveInt(values['max-uses'], 'max-uses', null)
  const database = await open(config)
  const services = createStoredServices(database)
  try {
    const [group] = await database.db
      .select({ id: groups.id, name: groups.name })
      .from(groups)
      .where(eq(groups.room, values.room))
    if (!group) {
      console.error(`No group has the room "${values.room}".`)
      process.exitCode = 1
      return
    }
    const expiresAt = new Date(Date.now() + days * 24 * 60 * 60 * 1000)
    const created = await services.invitations.create({
      groupId: group.id,
      role: values.role,
      expiresAt,
      maxUses,
    })
    await services.audit.record({
      groupId: group.id,
      kind: 'invitation.created',
      detail: { invitationId: created.id, role: values.role, days, maxUses, by: 'cli' },
    })
    logger.info('invitation created', { room: values.room, role: values.role, days, maxUses })
    process.stdout.write(
      `${group.name} · ${cliRoleName(values.role)} · valid until ${expiresAt.toISOString().slice(0, 10)}` +
        `${maxUses ? ` · ${maxUses} use(s)` : ''}\n` +
        `${joinLink(config.publicUrl, created.token)}\n` +
        'The link is shown only this once; the database keeps only its hash.\n',
    )
  } finally {
    await database.close()
  }
}

async function adminInvite(args: string[], config: ServerConfig, logger: Logger): Promise<void> {
  const { values } = parseCommandArgs({
    args,
    options: { round: { type: 'string' }, days: { type: 'string' } },
  })
  const days =
    positiveInt(values.days, 'days', DEFAULT_LEAD_INVITATION_DAYS) ?? DEFAULT_LEAD_INVITATION_DAYS
  const cohortId = values.round ?? null
  const database = await open(config)
  const services = createStoredServices(database)
  try {
    if (cohortId !== null && !(await services.rounds.exists(cohortId))) {
      console.error(`No round has the id "${cohortId}".`)
      process.exitCode = 1
      return
    }
    const expiresAt = leadInvitationExpiry(days)
    const created = await services.leads.invite({ cohortId, expiresAt, createdBy: null })
    await services.audit.record({
      groupId: null,
      cohortId,
      kind: 'lead.invited',
      detail: { invitationId: created.id, cohortId, days, by: 'cli' },
    })
    logger.info('round lead invitation created', { cohort: cohortId, days })
    process.stdout.write(
      `Omgångsledare (round lead) · ${cohortId ?? 'every round'} · valid until ` +
        `${expiresAt.toISOString().slice(0, 10)} · works once\n` +
        `${leadJoinLink(config.publicUrl, created.token)}\n` +
        'The link is shown only this once; the database keeps only its hash.\n',
    )
  } finally {
    await database.close()
  }
}

async function importBackup(args: string[], config: ServerConfig, logger: Logger): Promise<void> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: { round: { type: 'string' } },
    allowPositionals: true,
  })
  if (!values.round) throw new UsageError('--round is required')
  if (positionals.length !== 1) throw new UsageError('name one backup file')
  const file = positionals[0]!
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
    return
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    console.error(`${file} is not JSON.`)
    process.exitCode = 1
    return
  }
  const parsed = groupBackupSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    console.error(`${file} is not a group backup: ${issue?.path.join('.')}: ${issue?.message}`)
    process.exitCode = 1
    return
  }
  const database = await open(config)
  const services = createStoredServices(database)
  const exports = createExportServices({
    ...services,
    database: { url: config.databaseUrl, authToken: config.databaseAuthToken },
    logger,
    maxDocumentBytes: config.documentLimits.maxDocumentBytes,
  })
  try {
    const restored = await exports.backups.importGroup(values.round, parsed.data)
    await services.audit.record({
      groupId: restored.group.id,
      cohortId: values.round,
      kind: 'group.imported',
      detail: {
        from: { exportedAt: parsed.data.exportedAt, round: parsed.data.round.id },
        into: 'new',
        by: 'cli',
        ...restored.counts,
      },
    })
    logger.info('backup imported', { cohort: values.round, group: restored.group.id })
    const { counts } = restored
    process.stdout.write(
      `${restored.group.name} (room ${restored.group.room}) restored into ${values.round}: ` +
        `${counts.meetings} meetings, ${counts.participants} participants, ` +
        `${counts.invitations} invitations (withdrawn), ${counts.workspaceBytes} bytes of workspace\n`,
    )
  } catch (error) {
    if (!(error instanceof BackupRefused)) throw error
    console.error(`Not imported: ${error.message}`)
    process.exitCode = 1
  } finally {
    await exports.close()
    await database.close()
  }
}

async function migrate(args: string[], config: ServerConfig, logger: Logger): Promise<void> {
  if (args.length > 0) throw new UsageError(`migrate takes no arguments`)
  const database = await open(config)
  database.close()
  logger.info('database migrated', { url: config.databaseUrl.replace(/\?.*$/, '') })
}

const commands: Record<string, typeof demo> = {
  demo,
  invite,
  'admin-invite': adminInvite,
  'import-backup': importBackup,
  migrate,
}

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv
  const command = name === undefined ? undefined : commands[name]
  if (!command) {
    if (name !== undefined && name !== 'help' && name !== '--help')
      console.error(`Unknown command: ${name}\n`)
    process.stderr.write(usage)
    process.exitCode = 2
    return
  }
  const config = readConfigOrExit()
  const logger = createLogger(config.logLevel === 'debug' ? 'debug' : 'warn')
  try {
    await command(args, config, logger)
  } catch (error) {
    const usageProblem =
      error instanceof UsageError ||
      (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    if (!usageProblem) throw error
    console.error(`${error.message}\n`)
    process.stderr.write(usage)
    process.exitCode = 2
  }
}

await main(process.argv.slice(2))
