/**
 * A script of its own, loaded async ahead of the app's entry (client/paint-first-script.ts):
 * on a board this device showed before, the board as it last showed it is painted at once,
 * inert and hidden from assistive technology, over the app's root (which renders unseen
 * beneath it) until the live board takes its place (`releasePaintedBoard`, from the board)
 * or PAINTED_MAX_MS pass. A returning visit's first content otherwise waits for the app's
 * code to run, the device's copy to be read and the board to render (ARCHITECTURE.md,
 * "Client performance").
 */
import {
  PAINTED_ID,
  PAINTED_UNDER_CLASS,
  releasePaintedBoard,
  unpaintStyles,
} from './painted-markup.ts'
import { currentEntry, readPaintedBoard } from './painted-store.ts'

/** However the app fares (an error, a page that is not a board), the painted board goes. */
const PAINTED_MAX_MS = 4000

/** Paints the board kept for this URL, if any. */
function paintFirst(): void {
  const root = document.getElementById('root')
  if (!root || !location.pathname.startsWith('/g/')) return
  const painted = readPaintedBoard(location.pathname + location.search)
  if (!painted || painted.entry !== currentEntry()) return
  const board = document.createElement('div')
  board.id = PAINTED_ID
  board.inert = true
  board.setAttribute('aria-hidden', 'true')
  board.lang = painted.lang
  board.innerHTML = painted.html
  unpaintStyles(board)
  // The board's own stylesheets (its chunks' CSS) come from the cache: shown once in.
  const missing = painted.styles.filter(
    (href) => !document.querySelector(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`),
  )
  const loads = missing.map((href) => {
    const link = document.createElement('link')
    link.rel = 'stylesheet'
    link.href = href
    document.head.append(link)
    return new Promise<void>((done) => {
      link.onload = link.onerror = () => done()
    })
  })
  root.classList.add(PAINTED_UNDER_CLASS)
  setTimeout(releasePaintedBoard, PAINTED_MAX_MS)
  if (loads.length === 0) root.before(board)
  else
    void Promise.all(loads).then(() => {
      // Unless the live board was there first.
      if (root.classList.contains(PAINTED_UNDER_CLASS)) root.before(board)
    })
}

try {
  paintFirst()
} catch {
  // Only a head start: the app shows the board whatever happened here.
  releasePaintedBoard()
}
