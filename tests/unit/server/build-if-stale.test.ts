import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BUILD_STAMP, buildIsStale } from '../../../server/tools/build-stamp.ts'

describe('npm start rebuilds only what changed', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

  /** A checkout with one source file and (optionally) a build stamp, at given times (s). */
  function checkout(times: { source: number; stamp?: number }): string {
    const root = mkdtempSync(join(tmpdir(), 'mr-build-'))
    dirs.push(root)
    mkdirSync(join(root, 'server'))
    mkdirSync(join(root, 'dist'))
    writeFileSync(join(root, 'server', 'main.ts'), '')
    utimesSync(join(root, 'server', 'main.ts'), times.source, times.source)
    if (times.stamp !== undefined) {
      writeFileSync(join(root, BUILD_STAMP), '')
      utimesSync(join(root, BUILD_STAMP), times.stamp, times.stamp)
    }
    return root
  }

  it('builds when there is no build yet', () => {
    expect(buildIsStale(checkout({ source: 1000 }))).toBe(true)
  })
  it('skips the build after a restart with nothing changed', () => {
    expect(buildIsStale(checkout({ source: 1000, stamp: 2000 }))).toBe(false)
  })
  it('builds again when a source changed after the last build', () => {
    expect(buildIsStale(checkout({ source: 3000, stamp: 2000 }))).toBe(true)
  })
})
