import { spawn, type ChildProcess } from 'node:child_process'
import { appendFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { ProbeReply, ProbeRequest } from './servers/probe-protocol.ts'

export const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..')
const probeUrl = pathToFileURL(resolve(repoRoot, 'tests/bench/servers/probe.js')).href

export type Sample = Extract<ProbeReply, { type: 'sample' }>
type Request = ProbeRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never

/** A server under test, running as its own process with the probe preloaded. */
export interface ChildServer {
  readonly label: string
  readonly pid: number
  /**
   * CPU time and RSS of the server process (after a full GC when `gc`). The stall and GC
   * figures cover the stretch since the previous sample, which this one ends, unless
   * `keepStalls`: then the next sample's cover this stretch too.
   */
  sample(options?: { gc?: boolean; keepStalls?: boolean }): Promise<Sample>
  profileStart(intervalMicros?: number): Promise<void>
  profileStop(path: string): Promise<void>
  heapSnapshot(path: string): Promise<void>
  output(): string
  /** Lines the server logged at level error (our JSON logs), however long ago. */
  errorLines(): readonly string[]
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>
}

export interface SpawnOptions {
  label: string
  /** The script to run (relative to the repository root). */
  script: string
  env: Record<string, string>
  timeoutMs?: number
}

const running = new Set<ChildProcess>()

/** Last resort on any exit of the bench: no server survives it. */
export function killAllChildren(): void {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
  running.clear()
}

export async function spawnServerProcess(options: SpawnOptions): Promise<ChildServer> {
  const nodeArgs = [
    '--expose-gc',
    // For experiments, e.g. BENCH_NODE_FLAGS='--perf-basic-prof' or '--trace-deopt'.
    ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
    // A TypeScript loader only for a server that is TypeScript (the references' wrappers):
    // ours runs from its build, as `npm start` runs it.
    ...(options.script.endsWith('.ts') ? ['--import', 'tsx'] : []),
    '--import',
    probeUrl,
    options.script,
  ]
  // BENCH_SERVER_CPUS (e.g. 0, with the bench itself under `taskset -c 1`): the server on
  // cores of its own, so its loop stalls and CPU are its own, not waits for the clients'.
  // BENCH_SERVER_NICE (e.g. -5; below 0 needs root): the server ahead of the bench's
  // clients when both want a core, as on a machine that serves and runs no clients.
  const cpus = process.env.BENCH_SERVER_CPUS
  const nice = process.env.BENCH_SERVER_NICE
  const command = [
    ...(cpus ? ['taskset', '-c', cpus] : []),
    ...(nice ? ['nice', '-n', nice] : []),
    process.execPath,
    ...nodeArgs,
  ]
  const child = spawn(command[0]!, command.slice(1), {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  running.add(child)
  let output = ''
  let partialLine = ''
  const errorLines: string[] = []
  // BENCH_SERVER_LOG=<file>: every server's output appended there (e.g. with --trace-gc).
  const logFile = process.env.BENCH_SERVER_LOG
  const keep = (chunk: Buffer) => {
    const text = chunk.toString()
    if (logFile) appendFileSync(logFile, text)
    output += text
    if (output.length > 20_000) output = output.slice(-10_000)
    // A server that logs errors under load is not measuring what we think (a worker
    // that kept restarting once cost us 15 % of our CPU unnoticed).
    const lines = (partialLine + text).split('\n')
    partialLine = lines.pop() ?? ''
    for (const line of lines) if (line.includes('"level":"error"')) errorLines.push(line)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      running.delete(child)
      done()
    }),
  )

  let nextId = 1
  const waiting = new Map<number, (reply: ProbeReply) => void>()
  child.on('message', (reply: ProbeReply | { type: 'ready' }) => {
    if (reply.type === 'ready') return
    waiting.get(reply.id)?.(reply)
    waiting.delete(reply.id)
  })
  const ask = (request: Request, timeoutMs = 15_000): Promise<ProbeReply> =>
    new Promise((resolvePromise, reject) => {
      const id = nextId++
      const timer = setTimeout(() => {
        waiting.delete(id)
        reject(new Error(`${options.label}: no answer to ${request.type}`))
      }, timeoutMs)
      waiting.set(id, (reply) => {
        clearTimeout(timer)
        if (reply.type === 'done' && reply.error) reject(new Error(reply.error))
        else resolvePromise(reply)
      })
      child.send({ ...request, id } as ProbeRequest)
    })

  const failed = (why: string) =>
    new Error(`${options.label} ${why}:\n${output.split('\n').slice(-30).join('\n')}`)
  // The probe tells when the server listens (servers/probe.js), the same way for every server.
  await new Promise<void>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(failed('did not start')), options.timeoutMs ?? 30_000)
    child.on('message', (message: { type?: string }) => {
      if (message.type === 'ready') {
        clearTimeout(timer)
        resolvePromise()
      }
    })
    child.once('exit', () => {
      clearTimeout(timer)
      reject(failed('exited early'))
    })
  })

  return {
    label: options.label,
    pid: child.pid ?? -1,
    sample: async ({ gc = false, keepStalls = false } = {}) =>
      (await ask({ type: 'sample', gc, keepStalls })) as Sample,
    profileStart: async (intervalMicros = 250) => {
      await ask({ type: 'profile-start', intervalMicros })
    },
    profileStop: async (path) => {
      await ask({ type: 'profile-stop', path }, 60_000)
    },
    heapSnapshot: async (path) => {
      await ask({ type: 'heap-snapshot', path }, 60_000)
    },
    output: () => output,
    errorLines: () => errorLines,
    stop: async (graceMs = 3000) => {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
      await exited
      clearTimeout(timer)
    },
  }
}

/** A warning when a server logged errors during the bench (its figures are then suspect). */
export function errorWarning(label: string, server: ChildServer): string | null {
  const errors = server.errorLines()
  if (errors.length === 0) return null
  return `WARNING: ${label} logged ${errors.length} errors; the first:\n  ${errors[0]}`
}
