import { resolve } from 'node:path'
import { Keepalive } from '../shared/protocol/keepalive.ts'
import { RelayLimits } from '../shared/protocol/limits.ts'
import { DocumentLimits } from '../shared/protocol/document-limits.ts'
import type { RelayChecks } from './relay/room-types.ts'
import { ConnectionLimits } from './http/connection-limits.ts'
import { PEER_KEY_BYTES } from '../shared/protocol/peer.ts'
import { isLogLevel, type LogLevel } from './log.ts'

/**
 * The default embedded database: a file under data/ in the working directory. Here, not in
 * db/client.ts: the process entry reads the configuration before it loads the database code.
 */
const defaultDatabaseUrl = (): string => `file:${resolve('data', 'modellrummet.db')}`

/** Everything the server reads from its environment, parsed once at start. */
export interface ServerConfig {
  port: number
  host: string
  publicUrl: string
  databaseUrl: string
  databaseAuthToken: string | undefined
  /** Several nodes on one database, relaying to each other over Redis (REDIS_URL). */
  scaleOut: ScaleOutConfig | undefined
  logLevel: LogLevel
  /** How long an empty room stays in memory before it is unloaded. */
  roomGraceMs: number
  /** Milliseconds between WAL checkpoints, made by a worker thread (file databases). */
  checkpointIntervalMs: number
  /**
   * Under load, the update log commits (and the relay sends) at most once per window; the
   * hot window while a room's own updates would be two or more per it.
   */
  commitPacing: { windowMs: number; busyPerSecond: number; hotWindowMs: number }
  /** Log entries since the last snapshot that trigger a background compaction. */
  compactAfterUpdates: number
  /** Bytes of snapshots (version history) kept per room; the newest is always kept. */
  maxHistoryBytesPerRoom: number
  /** A version is kept after this long of editing while a room stays open (0: never by time). */
  historyVersionIntervalMs: number
  limits: RelayLimits
  /** What a room's document may hold, and what the update gate holds back for it. */
  documentLimits: DocumentLimits
  /**
   * The relay's checks of member updates. Always on; only the bench's reference entries
   * (tests/bench/servers/) turn them off, to measure what they cost. Not read from the
   * environment, so no deployment can switch them off by a setting.
   */
  relayChecks: RelayChecks
  /** Timeouts and per-address bounds for connections not yet answered or upgraded. */
  connections: ConnectionLimits
  /** Pings and quiet messages to each connection (shared/protocol/keepalive.ts). */
  keepaliveIntervalMs: number
  /** Seed the demo round when the database is empty. */
  seedDemo: boolean
  /** Where the built client lives; absent in API-only test runs. */
  clientDir: string
  /**
   * Origins besides PUBLIC_URL's (and the request's own) whose pages may upgrade and send
   * state-changing requests (ALLOWED_ORIGINS, comma-separated).
   */
  allowedOrigins: string[]
  /** Join and invitation-preview attempts per client address and minute (failed ones count). */
  joinRatePerMinute: number
  /**
   * How often the retention sweep ends the sessions and invitations of rounds closed longer
   * than their retention period (also once at start); 0: never (tools and tests).
   */
  retentionSweepIntervalMs: number
}

export interface ScaleOutConfig {
  redisUrl: string
  /** Seals what the nodes tell each other (PEER_KEY, the same on every node). */
  peerKey: Buffer
}

/** A setting the server cannot start with; the message says how to fix it. */
export class ConfigError extends Error {}

const int = (value: string | undefined, fallback: number): number => {
  if (value === undefined || value === '') return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 0) throw new ConfigError(`Not a whole number: ${value}`)
  return parsed
}

/** `https://a.example, http://b:8080` → normalised origins; anything else is a ConfigError. */
const origins = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      let url: URL
      try {
        url = new URL(entry)
      } catch {
        throw new ConfigError(`ALLOWED_ORIGINS: not an origin: ${entry}`)
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new ConfigError(`ALLOWED_ORIGINS: not an http(s) origin: ${entry}`)
      }
      return url.origin
    })

const PEER_KEY_HEX = new RegExp(`^[0-9a-fA-F]{${PEER_KEY_BYTES * 2}}$`)

function readScaleOut(env: NodeJS.ProcessEnv): ScaleOutConfig | undefined {
  if (!env.REDIS_URL) return undefined
  const key = env.PEER_KEY ?? ''
  if (!PEER_KEY_HEX.test(key)) {
    throw new ConfigError(
      `REDIS_URL is set, so PEER_KEY must be too: the same ${PEER_KEY_BYTES * 2} hex characters ` +
        'on every node (make one with `openssl rand -hex 32`); it seals what the nodes tell ' +
        'each other over Redis.',
    )
  }
  return { redisUrl: env.REDIS_URL, peerKey: Buffer.from(key, 'hex') }
}

function readRelayLimits(env: NodeJS.ProcessEnv): RelayLimits {
  const maxMessageBytes = int(env.MAX_MESSAGE_BYTES, RelayLimits.maxMessageBytes)
  // Two largest frames by default: a client back from offline uploads one and goes on.
  const byteBurst = int(env.BYTE_BURST, 2 * maxMessageBytes)
  if (byteBurst < maxMessageBytes)
    throw new ConfigError(
      `BYTE_BURST (${byteBurst}) must be at least MAX_MESSAGE_BYTES (${maxMessageBytes}), ` +
        'or the largest frame a client may send is never accepted.',
    )
  return {
    maxMessageBytes,
    maxAwarenessBytes: int(env.MAX_AWARENESS_BYTES, RelayLimits.maxAwarenessBytes),
    messagesPerSecond: int(env.MESSAGES_PER_SECOND, RelayLimits.messagesPerSecond),
    messageBurst: int(env.MESSAGE_BURST, RelayLimits.messageBurst),
    bytesPerSecond: int(env.BYTES_PER_SECOND, RelayLimits.bytesPerSecond),
    byteBurst,
    maxConnectionsPerRoom: int(env.MAX_CONNECTIONS_PER_ROOM, RelayLimits.maxConnectionsPerRoom),
    facilitatorReserve: int(env.FACILITATOR_RESERVE, RelayLimits.facilitatorReserve),
    maxSocketsPerSession: int(env.MAX_SOCKETS_PER_SESSION, RelayLimits.maxSocketsPerSession),
    joinsAtOnce: int(env.JOINS_AT_ONCE, RelayLimits.joinsAtOnce),
    joinsWaiting: int(env.JOINS_WAITING, RelayLimits.joinsWaiting),
    // One whole document may wait for a reader (shared/protocol/limits.ts).
    maxBufferedBytes: int(
      env.MAX_BUFFERED_BYTES,
      int(env.MAX_DOCUMENT_BYTES, RelayLimits.maxBufferedBytes),
    ),
  }
}

function readDocumentLimits(env: NodeJS.ProcessEnv): DocumentLimits {
  const d = DocumentLimits
  return {
    maxDocumentBytes: int(env.MAX_DOCUMENT_BYTES, d.maxDocumentBytes),
    maxHeldUpdatesPerConnection: int(
      env.MAX_HELD_UPDATES_PER_CONNECTION,
      d.maxHeldUpdatesPerConnection,
    ),
    maxHeldBytesPerConnection: int(env.MAX_HELD_BYTES_PER_CONNECTION, d.maxHeldBytesPerConnection),
    maxHeldBytesPerRoom: int(env.MAX_HELD_BYTES_PER_ROOM, d.maxHeldBytesPerRoom),
    heldUpdateTimeoutMs: int(env.HELD_UPDATE_TIMEOUT_MS, d.heldUpdateTimeoutMs),
  }
}

function readConnectionLimits(env: NodeJS.ProcessEnv): ConnectionLimits {
  const headersTimeoutMs = int(env.HEADERS_TIMEOUT_MS, ConnectionLimits.headersTimeoutMs)
  const requestTimeoutMs = int(env.REQUEST_TIMEOUT_MS, ConnectionLimits.requestTimeoutMs)
  if (headersTimeoutMs < 1 || requestTimeoutMs < headersTimeoutMs)
    throw new ConfigError(
      'HEADERS_TIMEOUT_MS must be at least 1 and REQUEST_TIMEOUT_MS at least HEADERS_TIMEOUT_MS.',
    )
  return {
    headersTimeoutMs,
    requestTimeoutMs,
    maxPendingPerAddress: int(
      env.MAX_PENDING_CONNECTIONS_PER_ADDRESS,
      ConnectionLimits.maxPendingPerAddress,
    ),
    listenBacklog: int(env.LISTEN_BACKLOG, ConnectionLimits.listenBacklog),
  }
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = int(env.PORT, 3000)
  const host = env.HOST || '0.0.0.0'
  const level = env.LOG_LEVEL
  return {
    port,
    host,
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    databaseUrl: env.DATABASE_URL || defaultDatabaseUrl(),
    databaseAuthToken: env.DATABASE_AUTH_TOKEN || undefined,
    scaleOut: readScaleOut(env),
    logLevel: isLogLevel(level) ? level : 'info',
    roomGraceMs: int(env.ROOM_GRACE_MS, 30_000),
    compactAfterUpdates: int(env.COMPACT_AFTER_UPDATES, 500),
    maxHistoryBytesPerRoom: int(env.MAX_HISTORY_BYTES_PER_ROOM, 128 * 1024 * 1024),
    historyVersionIntervalMs: int(env.HISTORY_VERSION_INTERVAL_MS, 10 * 60_000),
    checkpointIntervalMs: int(env.CHECKPOINT_INTERVAL_MS, 1000),
    commitPacing: {
      windowMs: int(env.COMMIT_WINDOW_MS, 10),
      busyPerSecond: int(env.COMMIT_BUSY_UPDATES_PER_SECOND, 600),
      hotWindowMs: int(env.COMMIT_HOT_WINDOW_MS, 20),
    },
    limits: readRelayLimits(env),
    documentLimits: readDocumentLimits(env),
    relayChecks: { updateGate: true, writePolicy: true },
    connections: readConnectionLimits(env),
    keepaliveIntervalMs: int(env.KEEPALIVE_INTERVAL_MS, Keepalive.intervalMs),
    seedDemo: env.SEED_DEMO !== '0',
    clientDir: env.CLIENT_DIR || 'dist/client',
    allowedOrigins: origins(env.ALLOWED_ORIGINS),
    joinRatePerMinute: int(env.JOIN_RATE_PER_MINUTE, 10),
    retentionSweepIntervalMs: int(env.RETENTION_SWEEP_INTERVAL_MS, 60 * 60 * 1000),
  }
}

/** For a process entry: a bad setting ends the process with its message (exit 2), no stack. */
export function readConfigOrExit(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  try {
    return readConfig(env)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    console.error(`Modellrummet cannot start: ${error.message}`)
    process.exit(2)
  }
}
