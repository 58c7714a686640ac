// A worker thread that checkpoints the WAL of one database file. A checkpoint fsyncs the
// WAL and the database file, which on a slow disk takes tens of milliseconds; done by the
// relay's own connection it would stall every edit in flight. A PASSIVE checkpoint never
// blocks writers, so the relay keeps committing meanwhile.
// Plain JavaScript: it is started without loaders (execArgv: [] in checkpointer.ts), the
// same file whether the server runs from source or from dist/node.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'libsql'

/** @type {{ path: string, intervalMs: number, busyTimeoutMs: number }} */
const { path, intervalMs, busyTimeoutMs } = workerData
const db = new Database(path, { timeout: busyTimeoutMs })
db.exec('PRAGMA wal_autocheckpoint = 0')
db.exec('PRAGMA synchronous = NORMAL')
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)')

const run = () => {
  try {
    checkpoint.get()
  } catch (error) {
    parentPort?.postMessage({ type: 'error', message: String(error) })
  }
}

const timer = setInterval(run, intervalMs)
parentPort?.on('message', (message) => {
  if (message !== 'close') return
  clearInterval(timer)
  run()
  db.close()
  parentPort?.close()
})
