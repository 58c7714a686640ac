import { Worker } from 'node:worker_threads'
import type { Logger } from '../log.ts'
import type { ExportFile, ExportRequest } from './export-jobs.ts'
import type { ExportDatabase } from './export-reader.ts'

type Reply = { id: number; file: ExportFile } | { id: number; error: string }

interface Pending {
  resolve(file: ExportFile): void
  reject(error: Error): void
}

/**
 * Builds export files in a worker thread. Building a round's workbook reads fifty
 * workspaces' stored updates, decodes them and zips a few hundred sheets: on the main
 * thread that held every room's updates for as long (tests/bench/export-p99.ts measures
 * it). The worker reads `database` itself (export-reader.ts): this thread sends ids and
 * receives the file. The worker starts with the
 * first export and stays (unref'd: it never keeps the process alive); one that fails is
 * replaced at the next export and the exports it had fail with it.
 */
export function createExportRunner(logger: Logger, database: ExportDatabase) {
  let worker: Worker | null = null
  let nextId = 1
  const pending = new Map<number, Pending>()

  // Under tsx (tests, the CLI) the worker is TypeScript and needs tsx's loader too.
  const source = import.meta.url.endsWith('.ts')
  const workerUrl = new URL(source ? './export-worker.ts' : './export-worker.js', import.meta.url)

  function failAll(error: Error): void {
    for (const job of pending.values()) job.reject(error)
    pending.clear()
  }

  function start(): Worker {
    // tsx's loader is registered inside the thread: a worker's `--import` does not reach it.
    const started = source
      ? new Worker(
          `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerUrl.href)}) })`,
          { eval: true, execArgv: [], workerData: database },
        )
      : new Worker(workerUrl, { execArgv: [], workerData: database })
    started.unref()
    started.on('message', (reply: Reply) => {
      const job = pending.get(reply.id)
      if (!job) return
      pending.delete(reply.id)
      if ('error' in reply) job.reject(new Error(`export failed: ${reply.error}`))
      else job.resolve(reply.file)
    })
    started.on('error', (error) => {
      logger.error('the export worker failed', { error })
      if (worker === started) worker = null
      failAll(error)
    })
    started.on('exit', (code) => {
      if (worker === started) worker = null
      if (pending.size > 0) failAll(new Error(`the export worker exited (${code})`))
    })
    return started
  }

  /** The file the request names, built in the worker; null when it is not there. */
  function run(request: ExportRequest): Promise<ExportFile> {
    worker ??= start()
    const id = nextId++
    const running = worker
    return new Promise<ExportFile>((resolve, reject) => {
      pending.set(id, { resolve, reject })
      running.postMessage({ id, request })
    })
  }

  /** Ends the worker (server shutdown, tests). */
  async function close(): Promise<void> {
    const stopping = worker
    worker = null
    failAll(new Error('the server is shutting down'))
    await stopping?.terminate()
  }

  return { run, close }
}

export type ExportRunner = ReturnType<typeof createExportRunner>
