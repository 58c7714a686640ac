import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { freePort } from './ports.ts'

export interface TestRedis {
  readonly url: string
  /** What a server node needs to join this Redis: REDIS_URL and the deployment's PEER_KEY. */
  readonly env: { REDIS_URL: string; PEER_KEY: string }
  /** Stops answering (SIGSTOP) without closing connections: a Redis that lags. */
  pause(): void
  resume(): void
  /** Ends the process; `start` brings it back on the same port (an outage). */
  stop(): Promise<void>
  start(): Promise<void>
}

/** A real `redis-server` on a free port, keeping nothing on disk. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort()
  let child: ChildProcess | null = null

  async function start(): Promise<void> {
    const started = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    child = started
    let output = ''
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`redis-server did not start:\n${output}`)),
        10_000,
      )
      started.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer)
          resolve()
        }
      })
      started.once('error', (error) => {
        clearTimeout(timer)
        reject(
          new Error(
            `redis-server could not start (apt-get install -y redis-server): ${error.message}`,
          ),
        )
      })
      started.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`redis-server exited (${code}):\n${output}`))
      })
    })
  }

  async function stop(): Promise<void> {
    const running = child
    child = null
    if (!running || running.exitCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGKILL')
    await exited
  }

  await start()
  const url = `redis://127.0.0.1:${port}`
  return {
    url,
    env: { REDIS_URL: url, PEER_KEY: randomBytes(32).toString('hex') },
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    stop,
    start,
  }
}
