/**
 * Loads the app behind the listening socket a part at a time, with a turn of the event loop
 * between parts. Compiling and running the app's modules in one go held the loop for
 * ~170 ms on an idle machine (`npm run bench:start`) and ~270 ms in a restart under 2,000
 * reconnecting members (`npm run bench:storm`), while the early server held their sockets;
 * in parts, what arrives meanwhile is read between them, and the longest part is ~15–20 ms
 * (Node's own fetch implementation, loaded whole on first use).
 *
 * Each part is loaded once: the modules a part evaluates are not evaluated again when the
 * app imports them. In the bundle (server/tools/bundle-server.ts) each part's modules are a
 * chunk of their own, compiled when the part loads. The order follows the app's imports
 * (what a part needs is loaded by an earlier one), so no part evaluates much besides its own.
 */
import { nextTurn } from './next-turn.ts'
import type { runServer } from './run-server.ts'

const appParts: readonly (() => unknown)[] = [
  // Node loads its fetch implementation (undici) on first use of `Request`: ~20 ms, ~11
  // once the modules of Node's it loads with it are loaded first (the entry loads the
  // ones `ws` needs too).
  () => import('node:stream/web'),
  () => import('node:worker_threads'),
  () => import('node:assert'),
  () => globalThis.Request,
  // libSQL's native module (it asks process.report which C library this is: ~6 ms; the
  // report walks every held socket, named by address only: diagnostic-report.ts).
  () => import('libsql'),
  () => import('../db/schema.ts'),
  () => import('../db/client.ts'),
  // zod and the smallest of the shared schemas, then the largest apart (compiling zod's
  // chunk and building many schemas was one ~20 ms step together).
  () => import('../shared/scoring-api.ts'),
  () => import('../shared/api.ts'),
  () => import('../shared/rounds-api.ts'),
  () => import('../shared/workspace/document.ts'),
  () => import('./relay/rooms.ts'),
  () => import('hono'),
  () => import('./http/app.ts'),
  () => import('./services.ts'),
  () => import('./server.ts'),
]

/** Runs each part after a turn of its own (awaiting what it returns), then `last`. */
export async function loadInParts<T>(
  parts: readonly (() => unknown)[],
  last: () => Promise<T>,
): Promise<T> {
  // Called from the listening callback (the loop's poll phase), a first turn would run in
  // this same iteration, before any timer: a second one lets the loop go round first.
  await nextTurn()
  for (const part of parts) {
    await nextTurn()
    await part()
  }
  await nextTurn()
  return last()
}

export const loadApp = (): Promise<{ runServer: typeof runServer }> =>
  loadInParts(appParts, () => import('./run-server.ts'))
