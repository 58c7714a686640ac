import { spawn, type ChildProcess } from 'node:child_process'
import { readConfig } from '../../server/config.ts'
import { createLogger } from '../../server/log.ts'
import { startServer, type RunningServer } from '../../server/server.ts'

/** The real server in this process, on a free port, on the given database. */
export function startTestServer(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const config = readConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    SEED_DEMO: '0',
    LOG_LEVEL: 'error',
    ROOM_GRACE_MS: '200',
    ...env,
  })
  return startServer(config, createLogger(config.logLevel))
}

export interface ServerProcess {
  url: string
  child: ChildProcess
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  output(): string
}

/** Whether a server answers `url` with 2xx (false while nothing listens). */
const answers = (url: string): Promise<boolean> =>
  fetch(url).then(
    (response) => response.ok,
    () => false,
  )

/** The real server as its own process (for kill -9 and SIGTERM tests). */
export async function spawnServer(
  databaseUrl: string,
  port: number,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${port}`
  // The start-up check below asks /healthz: an earlier server still on the port would pass it.
  if (await answers(`${url}/healthz`)) throw new Error(`a server already listens on ${url}`)
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      SEED_DEMO: '0',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  const deadline = Date.now() + 20_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
    if (await answers(`${url}/healthz`)) break
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { url, child, exited, output: () => output }
}
