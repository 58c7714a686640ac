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
  /** The worker could not checkpoint (the WAL then grows until it can). */
  onError(message: string): void
}

type WorkerReport = { type: 'error'; message: string } | { type: 'closed' }

export function startBackgroundCheckpoints(
  options: BackgroundCheckpointOptions,
): BackgroundCheckpoints {
  const worker = new Worker(new URL('./checkpoint-worker.js', import.meta.url), {
    workerData: {
      path: options.path,
      intervalMs: options.intervalMs,
      busyTimeoutMs: BUSY_TIMEOUT_MS,
    },
  })
  // A command-line run must not wait for the checkpointer to exit.
  worker.unref()
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  worker.on('message', (report: WorkerReport) => {
    if (report.type === 'error') options.onError(report.message)
  })
  worker.on('error', (error) => options.onError(error.message))

  async function close(): Promise<void> {
    worker.postMessage('close')
    await exited
  }

  return { close }
}
