import { parentPort, workerData } from 'node:worker_threads'
import { answerExportRequest, type ExportRequest } from './export-jobs.ts'
import { openExportReader, type ExportDatabase } from './export-reader.ts'

/**
 * The export worker (export-runner.ts starts it): reads the rows and stored updates an
 * export needs over its own read-only connection, decodes workspaces and builds .docx and
 * .xlsx files off the relay's thread. One request at a time, in the order they come.
 */
const reader = openExportReader(workerData as ExportDatabase)

parentPort?.on('message', (message: { id: number; request: ExportRequest }) => {
  answerExportRequest(message.request, reader.sources).then(
    (file) =>
      parentPort?.postMessage(
        { id: message.id, file },
        file ? [file.bytes.buffer as ArrayBuffer] : [],
      ),
    (error: unknown) =>
      parentPort?.postMessage({
        id: message.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  )
})
