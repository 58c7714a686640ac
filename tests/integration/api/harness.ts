import { openDatabase, type DatabaseHandle } from '../../../db/client.ts'
import { readConfig, type ServerConfig } from '../../../server/config.ts'
import { ensureDemo, type DemoRound } from '../../../server/demo/ensure-demo.ts'
import { createApp } from '../../../server/http/app.ts'
import { createLogger } from '../../../server/log.ts'
import { createServices, type Services } from '../../../server/services.ts'
import type { Role } from '../../../shared/roles.ts'
import { makeTempDatabase } from '../../helpers/database.ts'

export const PUBLIC_URL = 'http://localhost:3000'

export interface ApiHarness {
  app: ReturnType<typeof createApp>
  config: ServerConfig
  services: Services
  database: DatabaseHandle
  round: DemoRound
  /** The demo group with the given room. */
  group(room: string): DemoRound['groups'][number]
  close(): Promise<void>
}

/** Real services and the real app on a fresh temporary libSQL file, with the demo round. */
export async function startApi(env: Record<string, string> = {}): Promise<ApiHarness> {
  const temp = makeTempDatabase()
  const config = readConfig({
    DATABASE_URL: temp.url,
    PUBLIC_URL,
    LOG_LEVEL: 'silent',
    SEED_DEMO: '0',
    ROOM_GRACE_MS: '100',
    CLIENT_DIR: temp.dir,
    // app.request has no socket, so every request here shares one address ("local"); the
    // tests of failed joins would otherwise run into the per-address limit.
    JOIN_RATE_PER_MINUTE: '6000',
    ...env,
  })
  const logger = createLogger('silent')
  const database = await openDatabase({ url: config.databaseUrl })
  const services = createServices(database, config, logger)
  const app = createApp(services, config, logger)
  const round = await ensureDemo(services, { publicUrl: PUBLIC_URL })
  return {
    app,
    config,
    services,
    database,
    round,
    group(room) {
      const found = round.groups.find((g) => g.room === room)
      if (!found) throw new Error(`no demo group ${room}`)
      return found
    },
    async close() {
      await services.rooms.shutdown()
      database.close()
      temp.remove()
    },
  }
}

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

export interface Joined {
  status: number
  setCookie: string
  /** `name=value` for a Cookie header. */
  cookie: string
  session: string
  participantId: string
  role: Role
}

/** Joins through `POST /api/join`, as a browser would. */
export async function join(
  app: ApiHarness['app'],
  invite: string,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<Joined> {
  const response = await app.request('/api/join', json({ invite, name, ...extra }))
  const setCookie = response.headers.get('set-cookie') ?? ''
  const body = (await response.json()) as { session: string; participantId: string; role: Role }
  return {
    status: response.status,
    setCookie,
    cookie: setCookie.split(';')[0] ?? '',
    session: body.session,
    participantId: body.participantId,
    role: body.role,
  }
}

export const errorCode = async (response: Response): Promise<string | undefined> =>
  ((await response.json()) as { error?: { code?: string } }).error?.code
