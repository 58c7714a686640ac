import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh libSQL file database in its own temporary folder. */
export function makeTempDatabase(): { url: string; dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'modellrummet-test-'))
  return {
    url: `file:${join(dir, 'test.db')}`,
    dir,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}
