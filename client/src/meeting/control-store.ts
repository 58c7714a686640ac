import { createMemo, createSignal, onCleanup } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import type * as Y from 'yjs'
import {
  controlOf,
  readMeetingControl,
  type MeetingControl,
} from '../../../shared/workspace/control.ts'
import { handsOf, readHands, type Hand } from '../../../shared/workspace/hands.ts'

/**
 * A reactive view of one root map: `read` runs again only when that map changes (not on
 * every keystroke in the board), and `reconcile` keeps what did not change.
 */
function createMapStore<T extends object>(
  map: Y.Map<unknown>,
  read: () => T,
): { readonly value: T } {
  const [state, setState] = createStore<{ value: T }>({ value: read() })
  const update = () => setState('value', reconcile(read()))
  map.observe(update)
  onCleanup(() => map.unobserve(update))
  return state
}

/** The meeting's control state (led, part, current item, spotlight, locks …), live. */
export const createMeetingControl = (
  doc: Y.Doc,
  meetingId: string,
): { readonly value: MeetingControl } =>
  createMapStore(controlOf(doc), () => readMeetingControl(doc, meetingId))

/** Raised hands and "klar" in the meeting, by participant id, live. */
export const createHands = (
  doc: Y.Doc,
  meetingId: string,
): { readonly value: Record<string, Hand> } =>
  createMapStore(handsOf(doc), () => Object.fromEntries(readHands(doc, meetingId)))

/** The hands of whichever meeting `meetingId` names now (none: an empty record). */
export function createHandsOf(
  doc: Y.Doc,
  meetingId: () => string | null,
): () => Record<string, Hand> {
  const [version, setVersion] = createSignal(0)
  const bump = () => setVersion((v) => v + 1)
  handsOf(doc).observe(bump)
  onCleanup(() => handsOf(doc).unobserve(bump))
  const hands = createMemo(() => {
    version()
    const id = meetingId()
    return id ? Object.fromEntries(readHands(doc, id)) : {}
  })
  return hands
}
