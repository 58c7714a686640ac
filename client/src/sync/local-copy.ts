import { onCleanup } from 'solid-js'
import * as Y from 'yjs'
import { forgetPaintedBoards } from '../painted/painted-store.ts'
import { forgetClientIds, reuseClientId, type HeldClientId } from './client-ids.ts'
import { keepOnDevice, type DeviceKeeper } from './device-keeper.ts'
import { deleteDeviceCopy, openDeviceCopy, type DeviceCopy } from './device-store.ts'

/** The group's Y.Doc and this device's copy of it in IndexedDB. */
export interface LocalCopy {
  doc: Y.Doc
  /** Makes a copy where the device kept none (once the session is known; later calls do nothing). */
  open(): void
  /** Settles once the copy is in the doc, or after a while without IndexedDB. */
  loaded: Promise<void>
  /**
   * Settles once the copy this device kept is in the doc, or it keeps none (a first visit
   * makes one later, on `open()`), or after COPY_READY_WAIT_MS should IndexedDB be slow.
   */
  ready: Promise<void>
  /** Stops keeping the copy and deletes it from the device (when leaving the group). */
  forget(): Promise<void>
  /** Whether the device still keeps the copy (not once forgotten or closed). */
  keeping(): boolean
}

/**
 * How long leaving waits for the local copy to be deleted. Another open tab of the group
 * holds the database open and blocks the deletion; it then completes when that tab closes.
 */
const FORGET_WAIT_MS = 2_000
/** How long `loaded` waits for the device's copy once opened (IndexedDB that never answers). */
const LOCAL_COPY_WAIT_MS = 3_000
/** How long `ready` waits for the copy the device kept (read in 20–200 ms, bench:client). */
const COPY_READY_WAIT_MS = 300

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * The room's doc with the device's copy applied as soon as `kept` (read by the entry,
 * device-store.ts) has it; a device without one gets one on `open()`. Once the copy is
 * in, the doc takes a client id this device used in the room before (client-ids.ts),
 * released again when the page goes. Closed with the owner.
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

  let clientId: HeldClientId | null = null
  let connectedWithoutCopy = false
  const releaseClientId = () => {
    clientId?.release()
    clientId = null
  }
  // A page kept in the back-forward cache may be shown again, still writing under its id:
  // it keeps it (the browser frees the lock if it drops the page; the id is then not reused).
  const onPageHide = (event: PageTransitionEvent) => {
    if (!event.persisted) releaseClientId()
  }
  window.addEventListener('pagehide', onPageHide)

  let markApplied = () => {}
  const applied = new Promise<void>((resolve) => (markApplied = resolve))
  const ready = Promise.race([applied, wait(COPY_READY_WAIT_MS)])
  const attach = async (copy: DeviceCopy | null) => {
    if (copy && stopped) return copy.db.close()
    if (!copy) return
    keeper = keepOnDevice(doc, copy)
    markApplied()
    // With the copy in the doc and before the relay connects (client-ids.ts). Once the
    // socket has opened without the copy (the wait ran out), the doc keeps its own id: its
    // presence was announced under it (awareness-id.ts).
    if (connectedWithoutCopy) return
    const own = doc.clientID
    clientId = await reuseClientId(room, doc)
    if (stopped || connectedWithoutCopy) releaseClientId()
    if (connectedWithoutCopy) doc.clientID = own
  }
  // A device that keeps no copy has nothing to be ready for: it makes one once `open()`.
  const keptOrMade = (copy: DeviceCopy | null) => {
    if (copy) return copy
    markApplied()
    return wanted.then(() => (stopped ? null : openDeviceCopy(room)))
  }
  void kept
    .then(keptOrMade, () => {
      markApplied()
      return null
    })
    .then(attach)
    .finally(markLoaded)

  const stop = () => {
    stopped = true
    releaseClientId()
    window.removeEventListener('pagehide', onPageHide)
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
      void wait(LOCAL_COPY_WAIT_MS).then(() => {
        connectedWithoutCopy = true
        markLoaded()
      })
    },
    loaded,
    ready,
    keeping: () => !stopped,
    async forget() {
      stop()
      forgetClientIds(room)
      forgetPaintedBoards(room)
      await Promise.race([deleteDeviceCopy(room).catch(() => undefined), wait(FORGET_WAIT_MS)])
    },
  }
}
