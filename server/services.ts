import type { DatabaseHandle } from '../db/client.ts'
import { createInvitations } from './auth/invitations.ts'
import { createRoundLeads } from './auth/round-leads.ts'
import { createSessions } from './auth/sessions.ts'
import { createAudit } from './domain/audit.ts'
import { roomsDocWriter } from './domain/doc-writer.ts'
import { createGroups } from './domain/groups.ts'
import { createHistory } from './domain/history.ts'
import { createMembers } from './domain/members.ts'
import { createMeetingStructure } from './domain/meeting-structure.ts'
import { createMeetings } from './domain/meetings.ts'
import { createRounds } from './domain/rounds.ts'
import { createRoundLeadServices } from './domain/round-lead-services.ts'
import { createScoring } from './domain/scoring.ts'
import { createPrivacy } from './domain/privacy/privacy.ts'
import { createExportServices } from './exports/index.ts'
import type { ServerConfig } from './config.ts'
import type { Logger } from './log.ts'
import { createRooms } from './relay/rooms.ts'
import { makeRedisBus } from './scale-out/redis-bus.ts'
import type { DocStore } from './storage/doc-store.ts'
import { makeCommitPacing } from './storage/commit-pacing.ts'
import { createGroupCommit } from './storage/group-commit.ts'
import { createLibsqlDocStore } from './storage/libsql-doc-store.ts'

/**
 * What lives in the database alone: invitations, sessions, groups, meetings, the audit log
 * and the update log. The CLI needs no more (it writes a workspace to the store, never to a
 * live room), so it opens no relay and no Redis connection.
 */
export function createStoredServices(database: DatabaseHandle, docStore?: DocStore) {
  const meetings = createMeetings(database.db)
  return {
    db: database.db,
    client: database.client,
    invitations: createInvitations(database.db),
    sessions: createSessions(database.db, database.sessionLookup),
    store: docStore ?? createLibsqlDocStore(database.client, database.updateLog ?? undefined),
    groups: createGroups(database.db, meetings),
    meetings,
    members: createMembers(database.db),
    audit: createAudit(database.db),
    /** Round leads (omgångsledare): invitations, sessions. */
    leads: createRoundLeads(database.db),
    rounds: createRounds(database.db),
  }
}

/**
 * Everything a running server holds, wired once; routes receive only what they need.
 * `docStore` replaces the database's update log (the bench's in-memory reference only).
 */
export function createServices(
  database: DatabaseHandle,
  config: ServerConfig,
  logger: Logger,
  docStore?: DocStore,
) {
  const stored = createStoredServices(database, docStore)
  const { store, groups, meetings } = stored
  const commit = createGroupCommit(store, makeCommitPacing(config.commitPacing))
  const bus = config.scaleOut && makeRedisBus(config.scaleOut, logger)
  const exports = createExportServices({
    ...stored,
    database: { url: config.databaseUrl, authToken: config.databaseAuthToken },
    logger,
    maxDocumentBytes: config.documentLimits.maxDocumentBytes,
  })
  const rooms = createRooms({
    bus,
    store,
    commit,
    limits: config.limits,
    documentLimits: config.documentLimits,
    checks: config.relayChecks,
    logger,
    graceMs: config.roomGraceMs,
    compactAfterUpdates: config.compactAfterUpdates,
    maxHistoryBytes: config.maxHistoryBytesPerRoom,
    versionIntervalMs: config.historyVersionIntervalMs,
  })
  return {
    ...stored,
    commit,
    bus,
    rooms,
    /** Meeting structure in the live workspace (POST meetings, the demo in a running server). */
    structure: createMeetingStructure({ groups, meetings, writer: roomsDocWriter(rooms) }),
    /** Changes the server makes in a group's live workspace (the sealed scores' reveal). */
    writer: roomsDocWriter(rooms),
    /** The round lead's rounds, groups, copies and entries (the structure made live). */
    roundLead: createRoundLeadServices({
      ...stored,
      structure: createMeetingStructure({ groups, meetings, writer: roomsDocWriter(rooms) }),
    }),
    scoring: createScoring(database.db),
    /** The workspace's version history: list, read, restore as a new change. */
    history: createHistory({
      db: database.db,
      store,
      groups,
      change: rooms.change,
      keepVersion: rooms.keepVersion,
    }),
    /** Personal data for the round lead: exports, erasure, retention, the audit log. */
    privacy: createPrivacy({
      db: database.db,
      rooms,
      writer: roomsDocWriter(rooms),
      audit: stored.audit,
      logger,
    }),
    /** Minutes (.docx), checklist workbooks (.xlsx) and backups, built in a worker thread. */
    exports,
    /**
     * Closes the connections the services opened themselves (Redis, with REDIS_URL), which
     * would otherwise keep the process alive. The database is the caller's to close.
     */
    async close(): Promise<void> {
      await bus?.close()
      await exports.close()
    },
  }
}

export type Services = ReturnType<typeof createServices>
