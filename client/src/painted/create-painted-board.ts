import { onCleanup, onMount } from 'solid-js'
import { CloseCode, terminalCloseCodes } from '../../../shared/protocol/close-codes.ts'
import type { GroupContextValue } from '../app/group-context.tsx'
import { paintedMarkup, releasePaintedBoard } from './painted-markup.ts'
import { currentEntry, forgetPaintedBoards, keepPaintedBoard } from './painted-store.ts'

/** The board is kept this soon after it shows… */
const FIRST_KEPT_AFTER_MS = 1000
/** …and again at most this often after changes (and whenever the page hides). */
const KEPT_AGAIN_AFTER_MS = 10_000

/**
 * For a board while it shows: takes the painted board's place once the live board is in
 * the page, and keeps what it shows for the next visit to this URL: soon after it shows,
 * a while after it changes (at an idle moment) and when the page is hidden or left; never
 * once the device no longer keeps the group's copy (leaving the group forgets both). A
 * new role (the page reloads) or a session that ends forgets the room's painted boards:
 * the next visit must not show controls this member no longer has, nor the board at all.
 */
export function createPaintedBoard(
  group: Pick<GroupContextValue, 'room' | 'doc' | 'keptOnDevice' | 'provider'>,
): void {
  const { room, doc, provider } = group
  let timer: ReturnType<typeof setTimeout> | null = null
  let keeping = true
  const keep = () => {
    const root = document.getElementById('root')
    if (!root || !keeping || !group.keptOnDevice()) return
    keepPaintedBoard(location.pathname + location.search, {
      room,
      entry: currentEntry(),
      lang: document.documentElement.lang,
      styles: [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map(
        (link) => link.getAttribute('href') ?? '',
      ),
      html: paintedMarkup(root),
      at: Date.now(),
    })
  }
  const whenIdle = (run: () => void) =>
    'requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 2000 }) : run()
  const later = (afterMs = KEPT_AGAIN_AFTER_MS) => {
    if (timer) return
    timer = setTimeout(() => {
      timer = null
      whenIdle(keep)
    }, afterMs)
  }
  const changed = () => later()
  const hidden = () => {
    if (document.visibilityState === 'hidden') keep()
  }
  const closed = (event: CloseEvent | null) => {
    if (event?.code !== CloseCode.RoleChanged && !terminalCloseCodes.has(event?.code ?? 0)) return
    keeping = false
    forgetPaintedBoards(room)
  }
  onMount(() => {
    releasePaintedBoard()
    later(FIRST_KEPT_AFTER_MS)
    doc.on('update', changed)
    provider.on('connection-close', closed)
    // Also the page's last event when it is left (a closed tab, a reload, a navigation);
    // `pagehide` comes after it, and keeping there too serialised the board twice.
    document.addEventListener('visibilitychange', hidden)
  })
  onCleanup(() => {
    keeping = false
    if (timer) clearTimeout(timer)
    doc.off('update', changed)
    provider.off('connection-close', closed)
    document.removeEventListener('visibilitychange', hidden)
  })
}
