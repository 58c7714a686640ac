import * as Y from 'yjs'
import { childSlot, slotAt, type Slot } from '../../shared/workspace/schema.ts'
import {
  makeLocator,
  makeTypePaths,
  Unplaceable,
  type Place,
  type Struct,
} from './update-locate.ts'

/** One part of the workspace an update changes: a key set or deleted, or a text edited. */
export interface Touch {
  /** Map keys from a root type: e.g. ['pdsaPlans', planId] or ['meetings', id, 'notes']. */
  readonly path: readonly string[]
  readonly change: 'insert' | 'delete'
  /** The plain value a map key is set to, when it is one (the policy reads a few). */
  readonly value?: unknown
}

/** Where an update waits: on the document reaching this clock of this client. */
export interface Missing {
  readonly client: number
  readonly clock: number
}

/**
 * The gate's verdict on one received update, before it touches the room's document:
 * - `accept`: every dependency is present and every value fits the schema; `touches` says
 *   what it changes (for the write policy);
 * - `wait`: it needs content the room does not have yet (an honest race: another node's
 *   update still on its way); the room holds it back, bounded, instead of letting Yjs
 *   keep pending structs, whose merging grows quadratically as gaps accumulate;
 * - `refuse`: malformed, against the schema, or deleting content of clients nobody knows.
 */
export type GateVerdict =
  | { readonly kind: 'accept'; readonly touches: readonly Touch[] }
  | { readonly kind: 'wait'; readonly missing: Missing }
  | { readonly kind: 'refuse'; readonly reason: string }

/**
 * Clients a delete set may name that the room has never seen. Honest updates delete only
 * what their sender saw, which the room had (or is about to have from another node); one
 * 720 KB frame naming 90,000 unknown clients became a pending delete set Yjs re-applied on
 * every later edit.
 */
export const MAX_UNKNOWN_DELETE_CLIENTS = 4

/** The update gate of one room's document. Narrow interface: inspect an update. */
export function makeUpdateGate(doc: Y.Doc) {
  const typePath = makeTypePaths(doc)

  return function inspect(update: Uint8Array): GateVerdict {
    let decoded: DecodedUpdate
    try {
      decoded = Y.decodeUpdate(update) as DecodedUpdate
    } catch (error) {
      return refuse(`unreadable update: ${error instanceof Error ? error.message : error}`)
    }
    const { structs, ds } = decoded
    const state = (client: number): number => Y.getState(doc.store, client)

    // What the document will hold once this update is in: per client, the clock up to which
    // everything is present (the document's, extended by contiguous structs of the update).
    const reach = new Map<number, number>()
    const byClient = new Map<number, Struct[]>()
    for (const struct of structs) {
      const { client, clock } = struct.id
      const list = byClient.get(client) ?? []
      const previous = list.at(-1)
      if (previous && clock < previous.id.clock + previous.length)
        return refuse('structs out of order')
      list.push(struct)
      byClient.set(client, list)
      if (struct instanceof Y.Skip) continue
      const end = reach.get(client) ?? state(client)
      if (clock > end) return wait(client, end)
      reach.set(client, Math.max(end, clock + struct.length))
    }
    const reached = (id: Y.ID): boolean => id.clock < (reach.get(id.client) ?? state(id.client))

    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue
      for (const dependency of [struct.origin, struct.rightOrigin, struct.parent]) {
        if (dependency instanceof Y.ID && !reached(dependency))
          return wait(dependency.client, dependency.clock)
      }
    }

    let unknownClients = 0
    let waitOn: Missing | null = null
    for (const [client, ranges] of ds.clients) {
      const end = reach.get(client) ?? state(client)
      if (end === 0) unknownClients += 1
      for (const range of ranges) {
        if (range.len <= 0) return refuse('an empty delete range')
        if (range.clock + range.len > end) waitOn ??= { client, clock: range.clock + range.len - 1 }
      }
    }
    if (unknownClients > MAX_UNKNOWN_DELETE_CLIENTS)
      return refuse(`deletes content of ${unknownClients} clients the room has never seen`)
    if (waitOn) return { kind: 'wait', missing: waitOn }

    try {
      const locate = makeLocator(doc, typePath, byClient)
      const touches = new Map<string, Touch>()
      const touch = (path: readonly string[], change: Touch['change'], value?: unknown): void => {
        const key = `${change}\u0000${path.join('\u0000')}`
        if (!touches.has(key))
          touches.set(key, value === undefined ? { path, change } : { path, change, value })
      }
      for (const struct of structs) {
        if (!(struct instanceof Y.Item)) continue
        // Already known (a resent update): Yjs skips it, nothing to judge.
        if (struct.id.clock + struct.length <= state(struct.id.client)) continue
        const place = locate.placeOf(struct)
        if (place.kind === 'ghost') continue
        const problem = misfit(place, struct.content)
        if (problem) return refuse(problem)
        if (place.kind !== 'in') continue
        const value = struct.content instanceof Y.ContentAny ? struct.content.arr[0] : undefined
        touch(pathOf(place), 'insert', place.key === null ? undefined : value)
      }
      for (const [client, ranges] of ds.clients) {
        for (const range of ranges) {
          forEachDeleted(doc, byClient, client, range, locate, (place) => {
            if (place.kind === 'in') touch(pathOf(place), 'delete')
          })
        }
      }
      return { kind: 'accept', touches: [...touches.values()] }
    } catch (error) {
      if (error instanceof Unplaceable) return refuse(error.message)
      throw error
    }
  }
}

/** Y.decodeUpdate's result, typed (Yjs declares its delete set as an internal class). */
interface DecodedUpdate {
  structs: Struct[]
  ds: { clients: Map<number, { clock: number; len: number }[]> }
}

const refuse = (reason: string): GateVerdict => ({ kind: 'refuse', reason })
const wait = (client: number, clock: number): GateVerdict => ({
  kind: 'wait',
  missing: { client, clock },
})

/** A text edit touches the text; a map entry touches its key. */
const pathOf = (place: { parent: readonly string[]; key: string | null }): readonly string[] =>
  place.key === null ? place.parent : [...place.parent, place.key]

/** Why content does not belong at a place; null when it does. */
function misfit(place: Place, content: Y.Item['content']): string | null {
  if (content instanceof Y.ContentDeleted) return null // no content: nothing lands
  if (place.kind === 'ghost') return null
  if (place.kind === 'nowhere') return 'content where the workspace has no place'
  const parent = slotAt(place.parent)
  const where = place.parent.join('/')
  if (!parent) return `unknown place ${where}`
  if (parent.kind === 'text') {
    if (place.key === null && content instanceof Y.ContentString) return null
    return `only plain text belongs in ${where}`
  }
  if (parent.kind !== 'map' || place.key === null) return `nothing belongs inside ${where}`
  const slot = childSlot(parent, place.key)
  if (!slot) return `unknown key ${where}/${place.key.slice(0, 40)}`
  return fits(slot, place.key, content)
    ? null
    : `a value of the wrong kind at ${where}/${place.key}`
}

function fits(slot: Slot, key: string, content: Y.Item['content']): boolean {
  if (content instanceof Y.ContentType) {
    const type = content.type as unknown
    if (slot.kind === 'map') return (type as object).constructor === Y.Map
    if (slot.kind === 'text') return (type as object).constructor === Y.Text
    return false
  }
  if (content instanceof Y.ContentAny) {
    return slot.kind === 'value' && content.arr.length === 1 && slot.accepts(content.arr[0], key)
  }
  return false
}

/** Calls `visit` with the place of each item a delete range covers. */
function forEachDeleted(
  doc: Y.Doc,
  updateStructs: ReadonlyMap<number, readonly Struct[]>,
  client: number,
  range: { clock: number; len: number },
  locate: ReturnType<typeof makeLocator>,
  visit: (place: Place) => void,
): void {
  const end = range.clock + range.len
  const docStructs = doc.store.clients.get(client) ?? []
  const docEnd = Y.getState(doc.store, client)
  if (range.clock < docEnd) {
    for (let i = Y.findIndexSS(docStructs, range.clock); i < docStructs.length; i++) {
      const struct = docStructs[i]!
      if (struct.id.clock >= end) break
      if (!(struct instanceof Y.Item) || struct.deleted) continue
      visit(locate.placeInDoc(struct))
    }
  }
  if (end > docEnd) {
    for (const struct of updateStructs.get(client) ?? []) {
      if (
        struct instanceof Y.Item &&
        struct.id.clock < end &&
        struct.id.clock + struct.length > docEnd
      )
        visit(locate.placeOf(struct))
    }
  }
}
