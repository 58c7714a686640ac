import type * as Y from 'yjs'
import * as z from 'zod/mini'

/**
 * Raised hands and "klar" (ready), per person and meeting: root map `hands`, key
 * `<meetingId>|<participantId>`. A participant writes only their own entry (the relay
 * checks the key against the session); the facilitator clears anyone's.
 */
const handSchema = z.object({
  raised: z.boolean(),
  ready: z.boolean(),
  at: z.number(),
})
export type Hand = z.infer<typeof handSchema>

export const handsOf = (doc: Y.Doc) => doc.getMap<unknown>('hands')
export const handKey = (meetingId: string, participantId: string): string =>
  `${meetingId}|${participantId}`

export function parseHandKey(key: string): { meetingId: string; participantId: string } | null {
  const [meetingId, participantId, ...rest] = key.split('|')
  return meetingId && participantId && rest.length === 0 ? { meetingId, participantId } : null
}

export const isHandEntry = (key: string, value: unknown): boolean =>
  parseHandKey(key) !== null && handSchema.safeParse(value).success

/** Everyone's hand in a meeting: participantId → hand (raised or ready only). */
export function readHands(doc: Y.Doc, meetingId: string): Map<string, Hand> {
  const hands = new Map<string, Hand>()
  handsOf(doc).forEach((value, key) => {
    const parsed = parseHandKey(key)
    const hand = handSchema.safeParse(value)
    if (parsed?.meetingId === meetingId && hand.success && (hand.data.raised || hand.data.ready))
      hands.set(parsed.participantId, hand.data)
  })
  return hands
}

export function setHand(
  doc: Y.Doc,
  meetingId: string,
  participantId: string,
  hand: { raised: boolean; ready: boolean },
): void {
  doc.transact(() => {
    const key = handKey(meetingId, participantId)
    if (!hand.raised && !hand.ready) handsOf(doc).delete(key)
    else handsOf(doc).set(key, { ...hand, at: Date.now() })
  })
}

/** The facilitator lowers every hand and clears every "klar" of a meeting. */
export function clearHands(doc: Y.Doc, meetingId: string): void {
  doc.transact(() => {
    for (const key of [...handsOf(doc).keys()])
      if (parseHandKey(key)?.meetingId === meetingId) handsOf(doc).delete(key)
  })
}
