import { parentPort } from 'node:worker_threads'
import { runExportJob, type ExportJob } from './export-jobs.ts'

/**
 * The export worker (export-runner.ts starts it): decodes workspaces and builds .docx and
 * .xlsx files off the relay's thread. One job at a time, in the order they come.
 */
parentPort?.on('message', (message: { id: number; job: ExportJob }) => {
  runExportJob(message.job).then(
    (bytes) => parentPort?.postMessage({ id: message.id, bytes }, [bytes.buffer as ArrayBuffer]),
    (error: unknown) =>
      parentPort?.postMessage({
        id: message.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  )
})
