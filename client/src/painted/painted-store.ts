/**
 * The device's painted board: the last board this device showed at a URL, as HTML, so a
 * returning visit shows it at once while the app loads (paint-first.ts) and the live board
 * then takes its place (ARCHITECTURE.md, "Client performance"). It holds what the device's
 * copy of the workspace holds and is forgotten with it (local-copy.ts).
 * No imports: the painting script (paint-first.ts) stays as small as it can be.
 */

const PREFIX = 'modellrummet:painted:'
/** Bumped when what is stored changes meaning; an older entry is not shown. */
const VERSION = 1
/** A bigger board is not kept (localStorage holds ~5 MB for the whole origin). */
const MAX_HTML_CHARS = 400_000
/** Boards kept per device; the least recently kept goes first. */
const MAX_KEPT = 4

export interface PaintedBoard {
  v: typeof VERSION
  room: string
  /** The entry script's URL when kept: another build's markup is not shown. */
  entry: string
  lang: string
  /** Stylesheets the page had (the board's lazy ones too), added before it shows. */
  styles: string[]
  html: string
  at: number
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>

const keyOf = (url: string) => `${PREFIX}${url}`

/** Marks the painting script in index.html (client/paint-first-script.ts): not the entry. */
export const PAINT_FIRST_ATTRIBUTE = 'data-paint-first'

/** The page's entry script (its hashed name changes with every build that changes code). */
export const currentEntry = (): string =>
  document
    .querySelector(`script[type="module"][src]:not([${PAINT_FIRST_ATTRIBUTE}])`)
    ?.getAttribute('src') ?? ''

const isPainted = (value: unknown): value is PaintedBoard => {
  const painted = value as Partial<PaintedBoard> | null
  return (
    typeof painted === 'object' &&
    painted !== null &&
    painted.v === VERSION &&
    typeof painted.room === 'string' &&
    typeof painted.entry === 'string' &&
    typeof painted.lang === 'string' &&
    Array.isArray(painted.styles) &&
    painted.styles.every((href) => typeof href === 'string') &&
    typeof painted.html === 'string' &&
    typeof painted.at === 'number'
  )
}

/** The board kept for `url` (path and query), if any and readable. */
export function readPaintedBoard(
  url: string,
  storage: Storage = localStorage,
): PaintedBoard | null {
  try {
    const raw = storage.getItem(keyOf(url))
    if (raw === null) return null
    const parsed: unknown = JSON.parse(raw)
    return isPainted(parsed) ? parsed : null
  } catch {
    return null
  }
}

/** Every kept board's URL with what it is. */
function keptBoards(storage: Storage): { url: string; painted: PaintedBoard | null }[] {
  const kept: { url: string; painted: PaintedBoard | null }[] = []
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)
    if (!key?.startsWith(PREFIX)) continue
    const url = key.slice(PREFIX.length)
    kept.push({ url, painted: readPaintedBoard(url, storage) })
  }
  return kept
}

/** Keeps `board` for `url` (in this version's format), making room among the kept boards. */
export function keepPaintedBoard(
  url: string,
  board: Omit<PaintedBoard, 'v'>,
  storage: Storage = localStorage,
): boolean {
  const painted: PaintedBoard = { ...board, v: VERSION }
  if (painted.html.length > MAX_HTML_CHARS) {
    storage.removeItem(keyOf(url))
    return false
  }
  const others = keptBoards(storage)
    .filter((kept) => kept.url !== url)
    .sort((a, b) => (b.painted?.at ?? 0) - (a.painted?.at ?? 0))
  for (const stale of others.slice(MAX_KEPT - 1)) storage.removeItem(keyOf(stale.url))
  try {
    storage.setItem(keyOf(url), JSON.stringify(painted))
    return true
  } catch {
    // Full: this board is not kept, and nothing else is lost.
    storage.removeItem(keyOf(url))
    return false
  }
}

/** Forgets every board kept for `room` (the device's copy of it is forgotten too). */
export function forgetPaintedBoards(room: string, storage: Storage = localStorage): void {
  for (const kept of keptBoards(storage)) {
    if (!kept.painted || kept.painted.room === room) storage.removeItem(keyOf(kept.url))
  }
}
