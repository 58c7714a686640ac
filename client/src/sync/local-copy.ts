import { onCleanup } from 'solid-js'
import * as Y from 'yjs'
import { keepOnDevice, type DeviceKeeper } from './device-keeper.ts'
import { deleteDeviceCopy, openDeviceCopy, type DeviceCopy } from './device-store.ts'

/** The group's Y.Doc and this device's copy of it in IndexedDB. */
export interface LocalCopy {
  doc: Y.Doc
  /** Makes a copy where the device kept none (once the session is known; later calls do nothing). */
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
/** How long `loaded` waits for the device's copy once opened (IndexedDB that never answers). */
const LOCAL_COPY_WAIT_MS = 3_000

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * The room's doc with the device's copy applied as soon as `kept` (read by the entry,
 * device-store.ts) has it; a device without one gets one on `open()`. Closed with the owner.
 */
export function createLocalCopy(room: string, kept: Promise<DeviceCopy | null>): LocalCopy {
  const doc = new Y.Doc()
  let keeper: DeviceKeeper | null = null
  let stopped = false
  let markLoaded = () => {}
  const loaded = new Promise<void>((resolve) => (markLoaded = resolve))
  let opened = false
  let markWanted = () => {}
  const wanted = new Promise<void>((resolve) => (markWanted = resolve))

  const attach = (copy: DeviceCopy | null) => {
    if (copy && stopped) copy.db.close()
    else if (copy) keeper = keepOnDevice(doc, copy)
  }
  void kept
    .then((copy) => copy ?? wanted.then(() => (stopped ? null : openDeviceCopy(room))))
    .then(attach)
    .finally(markLoaded)

  const stop = () => {
    stopped = true
    keeper?.stop()
    keeper = null
  }
  onCleanup(() => {
    stop()
    doc.destroy()
  })
  return {
    doc,
    open() {
      if (opened) return
      opened = true
      markWanted()
      void wait(LOCAL_COPY_WAIT_MS).then(markLoaded)
    },
    loaded,
    async forget() {
      stop()
      await Promise.race([deleteDeviceCopy(room).catch(() => undefined), wait(FORGET_WAIT_MS)])
    },
  }
}
