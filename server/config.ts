import { defaultDatabaseUrl } from '../db/client.ts'
import { RelayLimits } from '../shared/protocol/limits.ts'
import { isLogLevel, type LogLevel } from './log.ts'

/** Everything the server reads from its environment, parsed once at start. */
export interface ServerConfig {
  port: number
  host: string
  publicUrl: string
  databaseUrl: string
  databaseAuthToken: string | undefined
  redisUrl: string | undefined
  logLevel: LogLevel
  /** How long an empty room stays in memory before it is unloaded. */
  roomGraceMs: number
  /** Milliseconds between WAL checkpoints, made by a worker thread (file databases). */
  checkpointIntervalMs: number
  /** Log entries since the last snapshot that trigger a background compaction. */
  compactAfterUpdates: number
  limits: RelayLimits
  /** Seed the demo round when the database is empty. */
  seedDemo: boolean
  /** Where the built client lives; absent in API-only test runs. */
  clientDir: string
}

const int = (value: string | undefined, fallback: number): number => {
  if (value === undefined || value === '') return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`Not a whole number: ${value}`)
  return parsed
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
    redisUrl: env.REDIS_URL || undefined,
    logLevel: isLogLevel(level) ? level : 'info',
    roomGraceMs: int(env.ROOM_GRACE_MS, 30_000),
    compactAfterUpdates: int(env.COMPACT_AFTER_UPDATES, 500),
    checkpointIntervalMs: int(env.CHECKPOINT_INTERVAL_MS, 1000),
    limits: {
      maxMessageBytes: int(env.MAX_MESSAGE_BYTES, RelayLimits.maxMessageBytes),
      maxAwarenessBytes: int(env.MAX_AWARENESS_BYTES, RelayLimits.maxAwarenessBytes),
      messagesPerSecond: int(env.MESSAGES_PER_SECOND, RelayLimits.messagesPerSecond),
      messageBurst: int(env.MESSAGE_BURST, RelayLimits.messageBurst),
      maxConnectionsPerRoom: int(env.MAX_CONNECTIONS_PER_ROOM, RelayLimits.maxConnectionsPerRoom),
    },
    seedDemo: env.SEED_DEMO !== '0',
    clientDir: env.CLIENT_DIR || 'dist/client',
  }
}
