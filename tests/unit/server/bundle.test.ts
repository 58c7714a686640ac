import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { bundleEntry } from '../../../server/tools/bundle.ts'

describe('the server bundle', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

  /** A tsc-like output: an entry that imports a module in another folder, and a CJS package. */
  function builtOutput(): { root: string; dist: string } {
    const root = mkdtempSync(join(tmpdir(), 'mr-bundle-'))
    dirs.push(root)
    const dist = join(root, 'dist')
    mkdirSync(join(dist, 'server'), { recursive: true })
    mkdirSync(join(dist, 'db'))
    mkdirSync(join(root, 'node_modules', 'line-end'), { recursive: true })
    writeFileSync(
      join(dist, 'db', 'lib.js'),
      "export const where = import.meta.url\nexport const worker = new URL('./worker.js', import.meta.url).href\n",
    )
    writeFileSync(join(dist, 'db', 'worker.js'), '')
    writeFileSync(
      join(root, 'node_modules', 'line-end', 'package.json'),
      JSON.stringify({ name: 'line-end', main: 'index.js' }),
    )
    writeFileSync(
      join(root, 'node_modules', 'line-end', 'index.js'),
      "module.exports = require('node:os').EOL\n",
    )
    writeFileSync(
      join(dist, 'server', 'later.js'),
      "export const laterWhere = new URL('./later.js', import.meta.url).href\n",
    )
    writeFileSync(
      join(dist, 'server', 'main.js'),
      [
        "import { where, worker } from '../db/lib.js'",
        "import eol from 'line-end'",
        "const { laterWhere } = await import('./later.js')",
        'process.stdout.write(JSON.stringify({ where, worker, eol, laterWhere }))',
      ].join('\n'),
    )
    return { root, dist }
  }

  it('is the entry and its dynamic imports beside it, each module with its own import.meta.url', async () => {
    const { dist } = builtOutput()
    const entry = join(dist, 'server', 'main.js')
    await bundleEntry({ dist, entry, external: [] })
    // What it imported is inside it or its chunk now: the modules it came from can go.
    rmSync(join(dist, 'db', 'lib.js'))
    rmSync(join(dist, 'server', 'later.js'))
    const run = spawnSync(process.execPath, [entry], { encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toEqual({
      // Where tsc put it, so the worker scripts and migrations found from there are there.
      where: pathToFileURL(join(dist, 'db', 'lib.js')).href,
      worker: pathToFileURL(join(dist, 'db', 'worker.js')).href,
      // A CommonJS dependency can require Node's built-ins.
      eol: '\n',
      // A module imported dynamically, in a chunk of its own: its URL too.
      laterWhere: pathToFileURL(join(dist, 'server', 'later.js')).href,
    })
  })
})
