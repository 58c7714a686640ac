import { createEffect, createMemo, createSignal, onCleanup, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import type { ChecklistPhase } from '../../../shared/domain/checklist.ts'
import type { ScoringRoundResponse } from '../../../shared/scoring-api.ts'
import {
  controlOf,
  readMeetingControl,
  type ScoringRound,
} from '../../../shared/workspace/control.ts'
import { makePolicyView } from '../../../shared/workspace/write-policy-view.ts'
import { api } from '../api/client.ts'

/** How often an open round's progress (who is done) is fetched: it is not in the document. */
const SEALED_POLL_MS = 5_000

export interface SealedRoundState {
  /** The round that concerns this meeting's phase: an open one first, else this meeting's last. */
  round: Accessor<ScoringRound | null>
  /** Whether the phase's scores are sealed now (the relay refuses direct checklist writes). */
  sealed: Accessor<boolean>
}

/**
 * The sealed scoring round of a meeting's checklist phase, from the control state in the
 * document (the server writes it when a facilitator opens or reveals a round). The relay
 * seals a phase while a round is open at *any* meeting of that phase, so that one counts
 * first. Only the control map wakes it, not every keystroke on the board.
 */
export function createSealedRound(
  doc: Y.Doc,
  meetingId: Accessor<string>,
  phase: Accessor<ChecklistPhase | null>,
): SealedRoundState {
  const read = (): ScoringRound | null => {
    const own = readMeetingControl(doc, meetingId()).scoring
    if (own?.state === 'open') return own
    const current = phase()
    if (current) {
      for (const other of makePolicyView(doc).meetingsInPhase(current)) {
        const round = readMeetingControl(doc, other).scoring
        if (round?.state === 'open') return round
      }
    }
    return own
  }
  const [version, setVersion] = createSignal(0)
  const bump = () => setVersion((v) => v + 1)
  controlOf(doc).observe(bump)
  onCleanup(() => controlOf(doc).unobserve(bump))
  const current = createMemo(
    () => {
      version()
      return read()
    },
    undefined,
    { equals: (a, b) => a?.roundId === b?.roundId && a?.state === b?.state },
  )
  return { round: current, sealed: () => current()?.state === 'open' }
}

export interface RoundStatus {
  /** The server's latest answer about the round (null until the first arrives). */
  status: Accessor<ScoringRoundResponse | null>
  /** Whether the last fetch failed (the next poll tries again). */
  failed: Accessor<boolean>
  /** Takes an answer from any call (a save returns the round too); older answers lose. */
  accept: (request: Promise<ScoringRoundResponse>) => Promise<ScoringRoundResponse>
  refresh: () => void
}

/**
 * The round's progress from the server: fetched when the round changes, every
 * SEALED_POLL_MS while it is open and the page is visible, and when the page becomes
 * visible again. Polling stops with the round and when the component goes away.
 */
export function createRoundStatus(room: string, round: Accessor<ScoringRound | null>): RoundStatus {
  const [status, setStatus] = createSignal<ScoringRoundResponse | null>(null)
  const [failed, setFailed] = createSignal(false)
  // Answers can arrive out of order (a poll and a save in flight together): the one sent
  // last wins, so a slow poll never undoes what a save just showed.
  let sent = 0
  let applied = 0
  let roundId: string | null = null

  const accept = async (request: Promise<ScoringRoundResponse>) => {
    const sequence = ++sent
    const forRound = roundId
    const response = await request
    if (sequence > applied && forRound === roundId && response.roundId === roundId) {
      applied = sequence
      setStatus(response)
      setFailed(false)
    }
    return response
  }

  const refresh = () => {
    if (!roundId) return
    accept(api.scoringRound(room, roundId)).catch(() => setFailed(true))
  }

  createEffect(() => {
    const current = round()
    if (current?.roundId !== roundId) {
      roundId = current?.roundId ?? null
      setStatus(null)
    }
    refresh()
    if (current?.state !== 'open') return
    const timer = setInterval(() => {
      if (!document.hidden) refresh()
    }, SEALED_POLL_MS)
    const onVisible = () => {
      if (!document.hidden) refresh()
    }
    document.addEventListener('visibilitychange', onVisible)
    onCleanup(() => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisible)
    })
  })
  onCleanup(() => {
    roundId = null
  })

  return { status, failed, accept, refresh }
}
