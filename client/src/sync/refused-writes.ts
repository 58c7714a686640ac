import { onCleanup } from 'solid-js'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { makePolicyView } from '../../../shared/workspace/write-policy-view.ts'
import type { Writer } from '../../../shared/workspace/write-policy.ts'
import { createLocalWriteLog } from './local-writes.ts'
import { explainRefusal, refusalReasonOf, saveRefusal } from './refusal.ts'

/**
 * When the relay refuses a change (a viewer's write, a locked part, the control state …)
 * nothing of it was stored or relayed, but this device still has it, in memory and in
 * IndexedDB, and would show it (and send it again) forever. So: stop syncing, delete the
 * device's copy, and reload from the room; the reloaded page says in words what happened
 * (refusal.ts keeps the notice over the reload, RefusalNotice shows it).
 */
export function discardRefusedWrites(options: {
  room: string
  doc: Y.Doc
  provider: WebsocketProvider
  writer: Writer
  forgetLocalCopy: () => Promise<void>
  reload?: () => void
}): void {
  const log = createLocalWriteLog(options.doc)
  let discarding = false
  const onClose = (event: CloseEvent | null) => {
    const reason = event ? refusalReasonOf(event.code, event.reason) : null
    if (!reason || discarding) return
    discarding = true
    options.provider.shouldConnect = false
    // Judged now, while the document still holds the locks the change ran into.
    const notice = explainRefusal(reason, options.writer, log.recent(), makePolicyView(options.doc))
    saveRefusal(sessionStorage, options.room, notice)
    const reload = options.reload ?? (() => location.reload())
    void options.forgetLocalCopy().finally(reload)
  }
  options.provider.on('connection-close', onClose)
  onCleanup(() => {
    options.provider.off('connection-close', onClose)
    log.stop()
  })
}
