/** When `npm start` must build (server/tools/build-if-stale.ts). */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** What a build reads: a change in any of these makes the build stale. */
const BUILD_INPUTS = [
  'client',
  'shared',
  'server',
  'db',
  'vite.config.ts',
  'tsconfig.json',
  'tsconfig.server.json',
  'package.json',
  'package-lock.json',
]
export const BUILD_STAMP = 'dist/.build-stamp'

/** The newest modification time among the files under `paths` (0 when none exist). */
function newestModification(root: string, paths: readonly string[]): number {
  let newest = 0
  const visit = (path: string): void => {
    if (!existsSync(path)) return
    const stats = statSync(path)
    if (stats.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'node_modules') visit(join(path, name))
    } else newest = Math.max(newest, stats.mtimeMs)
  }
  for (const path of paths) visit(join(root, path))
  return newest
}

/** Whether the build under `root` is missing or older than one of its inputs. */
export function buildIsStale(root: string): boolean {
  const stamp = join(root, BUILD_STAMP)
  if (!existsSync(stamp)) return true
  return newestModification(root, BUILD_INPUTS) > statSync(stamp).mtimeMs
}
