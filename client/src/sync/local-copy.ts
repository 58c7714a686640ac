import { onCleanup } from 'solid-js'
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { localCopyName } from './local-copy-kept.ts'

/** The group's Y.Doc and this device's copy of it in IndexedDB (y-indexeddb). */
export interface LocalCopy {
  doc: Y.Doc
  /** Starts loading the device's copy into the doc (once; later calls do nothing). */
  open(): void
  /** Settles once the copy is in the doc, or after a while without IndexedDB. */
  loaded: Promise<void>
  /** Stops keeping the copy and deletes it from the device (when leaving the group). */
  forget(): Promise<void>
}

/**
 * How long leaving waits for the local copy to be deleted. Another open tab of the group
 * holds the database open and blocks the deletion; it then completes when that tab closes.
 */
const FORGET_WAIT_MS = 2_000
/** How long `loaded` waits for the device's copy (a browser without IndexedDB). */
const LOCAL_COPY_WAIT_MS = 3_000

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** The room's doc, its device copy opened on `open()`; closed with the owner. */
export function createLocalCopy(room: string): LocalCopy {
  const doc = new Y.Doc()
  const name = localCopyName(room)
  let persistence: IndexeddbPersistence | null = null
  let stopped = false
  let markLoaded = () => {}
  const loaded = new Promise<void>((resolve) => (markLoaded = resolve))
  const open = () => {
    if (persistence || stopped) return
    persistence = new IndexeddbPersistence(name, doc)
    // Without IndexedDB whenSynced never settles: the socket opens after a wait all the same.
    void Promise.race([persistence.whenSynced, wait(LOCAL_COPY_WAIT_MS)]).then(markLoaded)
  }
  onCleanup(() => {
    stopped = true
    void persistence?.destroy()
    doc.destroy()
  })
  // y-indexeddb's clearData does not wait for the deletion; this does (for a while).
  const forget = async () => {
    stopped = true
    await persistence?.destroy()
    await Promise.race([clearDocument(name), wait(FORGET_WAIT_MS)])
  }
  return { doc, open, loaded, forget }
}
