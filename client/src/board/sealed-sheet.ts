import { createSignal, onCleanup, type Accessor } from 'solid-js'
import { createStore, produce } from 'solid-js/store'
import type { ChecklistScore } from '../../../shared/domain/checklist.ts'
import type {
  ScoringRoundResponse,
  SealedScore,
  SealedScoreInput,
} from '../../../shared/scoring-api.ts'
import { ApiFailure } from '../api/client.ts'

/** A comment is saved this long after the last keystroke (and at once when the field is left). */
const COMMENT_SAVE_DELAY_MS = 700
const RETRY_MS = 3_000

type SaveState = 'idle' | 'saving' | 'saved' | 'failed' | 'closed'

export interface SealedSheet {
  draft: (itemId: string) => SealedScore
  setScore: (itemId: string, score: ChecklistScore | null) => void
  setComment: (itemId: string, comment: string) => void
  /** Saves a comment now (the field was left). */
  flush: (itemId: string) => void
  /** The server's scores of the organisation; items with unsaved edits keep the draft. */
  receive: (scores: Record<string, SealedScore> | undefined) => void
  saveState: Accessor<SaveState>
}

/**
 * One organisation's sealed scores as its member edits them: a score is saved at once, a
 * comment after a pause in typing. What the server sends back (a poll, another member of
 * the same organisation) replaces only items with nothing unsaved, so a poll never undoes
 * what is being typed. A failed save is tried again until the round closes.
 */
export function createSealedSheet(options: {
  organisationId: string
  /** What an item shows before anyone scored it in the round (the document's score). */
  initial: (itemId: string) => SealedScore
  save: (input: SealedScoreInput) => Promise<ScoringRoundResponse>
}): SealedSheet {
  const [drafts, setDrafts] = createStore<Record<string, SealedScore>>({})
  const [saveState, setSaveState] = createSignal<SaveState>('idle')
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  /** Items with edits the server has not confirmed yet (a count of saves in flight). */
  const unsaved = new Map<string, number>()
  let closed = false

  const draft = (itemId: string): SealedScore => drafts[itemId] ?? options.initial(itemId)

  const settle = () => {
    if (closed) return
    const pending = [...unsaved.values()].some((n) => n > 0) || timers.size > 0
    if (!pending) setSaveState('saved')
  }

  const save = (itemId: string) => {
    const timer = timers.get(itemId)
    if (timer) clearTimeout(timer)
    timers.delete(itemId)
    if (closed) return
    const { score, comment } = draft(itemId)
    unsaved.set(itemId, (unsaved.get(itemId) ?? 0) + 1)
    setSaveState('saving')
    options.save({ organisationId: options.organisationId, itemId, score, comment }).then(
      () => {
        unsaved.set(itemId, (unsaved.get(itemId) ?? 1) - 1)
        settle()
      },
      (error: unknown) => {
        unsaved.set(itemId, (unsaved.get(itemId) ?? 1) - 1)
        // 409: the facilitator revealed meanwhile; 403: no longer allowed. Retrying is useless.
        if (error instanceof ApiFailure && (error.status === 409 || error.status === 403)) {
          closed = true
          setSaveState('closed')
          return
        }
        setSaveState('failed')
        if (!timers.has(itemId))
          timers.set(
            itemId,
            setTimeout(() => save(itemId), RETRY_MS),
          )
      },
    )
  }

  const edit = (itemId: string, change: Partial<SealedScore>) =>
    setDrafts(
      produce((all) => {
        all[itemId] = { ...draft(itemId), ...change }
      }),
    )

  onCleanup(() => {
    // Leaving the page part sends what was typed rather than dropping it.
    for (const itemId of [...timers.keys()]) save(itemId)
    closed = true
  })

  return {
    draft,
    saveState,
    setScore(itemId, score) {
      edit(itemId, { score })
      save(itemId)
    },
    setComment(itemId, comment) {
      edit(itemId, { comment })
      const timer = timers.get(itemId)
      if (timer) clearTimeout(timer)
      timers.set(
        itemId,
        setTimeout(() => save(itemId), COMMENT_SAVE_DELAY_MS),
      )
    },
    flush(itemId) {
      if (timers.has(itemId)) save(itemId)
    },
    receive(scores) {
      if (!scores) return
      setDrafts(
        produce((all) => {
          for (const [itemId, sealed] of Object.entries(scores)) {
            if ((unsaved.get(itemId) ?? 0) > 0 || timers.has(itemId)) continue
            all[itemId] = { score: sealed.score, comment: sealed.comment }
          }
        }),
      )
    },
  }
}
