import { Worker } from 'node:worker_threads'
import { BUSY_TIMEOUT_MS } from './pragmas.ts'

/** Checkpoints a database's WAL from a worker thread; see checkpoint-worker.js for why. */
export interface BackgroundCheckpoints {
  /** A last checkpoint, then the worker's connection closes. */
  close(): Promise<void>
}

export interface BackgroundCheckpointOptions {
  path: string
  intervalMs: number
  /** The worker could not checkpoint, or stopped and is restarted (the WAL grows meanwhile). */
  onError(message: string): void
  /** Wait before a worker that stopped on its own is started again. */
  restartDelayMs?: number
}

/** What the worker posts: only the checkpoints it could not make. */
type WorkerReport = { type: 'error'; message: string }

const DEFAULT_RESTART_DELAY_MS = 5000

export function startBackgroundCheckpoints(
  options: BackgroundCheckpointOptions,
): BackgroundCheckpoints {
  let closing = false
  let restart: NodeJS.Timeout | null = null
  let exited: Promise<void> = Promise.resolve()
  let worker = spawn()

  function spawn(): Worker {
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

  /** Without a checkpointer the WAL only grows, so one that stopped is started again. */
  function restartLater(code: number): void {
    options.onError(`the checkpoint worker stopped (exit code ${code}); starting it again`)
    restart = setTimeout(() => {
      restart = null
      if (!closing) worker = spawn()
    }, options.restartDelayMs ?? DEFAULT_RESTART_DELAY_MS)
    restart.unref()
  }

  async function close(): Promise<void> {
    closing = true
    if (restart) clearTimeout(restart)
    // Unref'd so it never holds a process up, but a close waits for the last checkpoint.
    worker.ref()
    worker.postMessage('close')
    await exited
  }

  return { close }
}
