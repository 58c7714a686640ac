import { createSignal, onCleanup } from 'solid-js'

/** How long an undo offer stays after a removal (kept while focus or the pointer is in it). */
export const UNDO_OFFER_MS = 10_000

/**
 * What "Ångra" does: resolves true when it brought the removed thing back, false when there
 * was nothing left to bring back; a rejection is a failure (the offer stays, to try again).
 */
type UndoAction = () => boolean | Promise<boolean>

/**
 * An offer to undo the last removal for a while, shown by UndoOffer: a board part's Yjs
 * removal (removal-undo.ts) or a meeting deleted on the server (MeetingTimeline). The offer
 * goes after UNDO_OFFER_MS unless focus or the pointer is in its region; a new removal
 * replaces it (the last one is the one undone).
 */
export function createUndoOffer() {
  const [current, setCurrent] = createSignal<{ message: string; action: UndoAction } | null>(null)
  const [pending, setPending] = createSignal(false)
  const [failed, setFailed] = createSignal(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  let region: HTMLElement | undefined

  const expire = () => {
    // Someone about to press "Ångra" (focus or pointer on it), or an undo under way, keeps it.
    if (
      pending() ||
      (region && (region.contains(document.activeElement) || region.matches(':hover')))
    ) {
      timer = setTimeout(expire, UNDO_OFFER_MS)
      return
    }
    setCurrent(null)
  }
  const restart = () => {
    clearTimeout(timer)
    timer = setTimeout(expire, UNDO_OFFER_MS)
  }
  onCleanup(() => clearTimeout(timer))

  /** Offers to undo what was just removed, saying `message`. */
  function show(message: string, action: UndoAction): void {
    setFailed(false)
    setCurrent({ message, action })
    restart()
  }

  /**
   * Runs the offered undo once (a second press while it runs does nothing); says whether it
   * brought something back. On failure the offer stays and `failed()` is true.
   */
  async function undo(): Promise<boolean> {
    const offered = current()
    if (!offered || pending()) return false
    setPending(true)
    setFailed(false)
    try {
      const undone = await offered.action()
      clearTimeout(timer)
      // Only this offer goes: one made meanwhile (another removal) stays.
      if (current() === offered) setCurrent(null)
      return undone
    } catch {
      setFailed(true)
      restart()
      return false
    } finally {
      setPending(false)
    }
  }

  return {
    show,
    undo,
    /** What the offer says, null when there is none. */
    offer: () => current()?.message ?? null,
    pending,
    failed,
    /** The element holding the offer (focus or the pointer in it keeps the offer open). */
    region: (element: HTMLElement) => (region = element),
  }
}

export type UndoOfferState = ReturnType<typeof createUndoOffer>
