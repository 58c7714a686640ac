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
// Changes when another connection has committed since this one last looked.
const dataVersion = db.prepare('PRAGMA data_version')
// Unused by the app: written back unchanged, it is a write of one page and nothing else.
const userVersion = Number(db.prepare('PRAGMA user_version').get().user_version)
const restartWal = db.prepare(`PRAGMA user_version = ${userVersion}`)
let seenVersion = -1

/**
 * Once a checkpoint has copied the whole WAL, the next write starts it over, and with
 * synchronous = NORMAL that writer fsyncs the WAL's header: the relay's next commit, on its
 * event loop (strace: an fsync on the main thread after each full checkpoint). So the
 * worker makes that write itself, at once, and skips checkpoints while no one else wrote.
 */
const run = ({ closing = false } = {}) => {
  try {
    const version = Number(dataVersion.get().data_version)
    if (version === seenVersion && !closing) return
    seenVersion = version
    const { busy, log, checkpointed } =
      /** @type {{ busy: number, log: number, checkpointed: number }} */ (checkpoint.get())
    if (!closing && busy === 0 && log > 0 && checkpointed === log) restartWal.run()
  } catch (error) {
    parentPort?.postMessage({ type: 'error', message: String(error) })
  }
}

const timer = setInterval(run, intervalMs)
parentPort?.on('message', (message) => {
  if (message !== 'close') return
  clearInterval(timer)
  run({ closing: true })
  db.close()
  parentPort?.close()
})
