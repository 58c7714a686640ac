import { Worker } from 'node:worker_threads'
import { BUSY_TIMEOUT_MS } from './pragmas.ts'

/** Checkpoints a database's WAL from a worker thread; see checkpoint-worker.js for why. */
export interface BackgroundCheckpoints {
  /** A last checkpoint, then the worker's connection closes; once, however often called. */
  close(): Promise<void>
}

export interface BackgroundCheckpointOptions {
  path: string
  intervalMs: number
  /** The worker could not checkpoint, or stopped and is restarted (the WAL grows meanwhile). */
  onError(message: string): void
  /** First wait before a worker that stopped on its own is started again; doubles while
   * workers keep stopping soon after they start (up to a minute). */
  restartDelayMs?: number
}

/** What the worker posts: only the checkpoints it could not make. */
type WorkerReport = { type: 'error'; message: string }

const DEFAULT_RESTART_DELAY_MS = 5000
const MAX_RESTART_DELAY_MS = 60_000
/** A worker that ran this long was healthy: the next restart waits the first delay again. */
const HEALTHY_AFTER_MS = 60_000

export function startBackgroundCheckpoints(
  options: BackgroundCheckpointOptions,
): BackgroundCheckpoints {
  let closing = false
  let restart: NodeJS.Timeout | null = null
  let exited: Promise<void> = Promise.resolve()
  const firstDelayMs = options.restartDelayMs ?? DEFAULT_RESTART_DELAY_MS
  let delayMs = firstDelayMs
  let startedAt = 0
  let worker = spawn()

  function spawn(): Worker {
    startedAt = Date.now()
    const started = new Worker(new URL('./checkpoint-worker.js', import.meta.url), {
      workerData: {
        path: options.path,
        intervalMs: options.intervalMs,
        busyTimeoutMs: BUSY_TIMEOUT_MS,
      },
      // Plain JavaScript needs no loaders: the process's own --import/--require preloads
      // (a TypeScript loader, a profiler) would otherwise run in the worker too, and one it
      // cannot load stops the worker at every start.
      execArgv: [],
    })
    // A command-line run must not wait for the checkpointer to exit.
    started.unref()
    exited = new Promise<void>((resolve) =>
      started.once('exit', (code) => {
        resolve()
        if (!closing) restartLater(code)
      }),
    )
    started.on('message', (report: WorkerReport) => options.onError(report.message))
    started.on('error', (error) => options.onError(error.message))
    return started
  }

  /**
   * Without a checkpointer the WAL only grows, so one that stopped is started again; one
   * that cannot start (each start costs a new isolate) is retried ever less often.
   */
  function restartLater(code: number): void {
    if (Date.now() - startedAt >= HEALTHY_AFTER_MS) delayMs = firstDelayMs
    const wait = delayMs
    delayMs = Math.min(delayMs * 2, MAX_RESTART_DELAY_MS)
    options.onError(
      `the checkpoint worker stopped (exit code ${code}); starting it again in ${wait} ms`,
    )
    restart = setTimeout(() => {
      restart = null
      if (!closing) worker = spawn()
    }, wait)
    restart.unref()
  }

  let closed: Promise<void> | null = null
  /** Once: a second call waits for the same last checkpoint. */
  function close(): Promise<void> {
    return (closed ??= (async () => {
      closing = true
      if (restart) clearTimeout(restart)
      // Unref'd so it never holds a process up, but a close waits for the last checkpoint.
      worker.ref()
      worker.postMessage('close')
      await exited
    })())
  }

  return { close }
}
