/**
 * `npm run build:server`'s last step: the server's entry, as tsc built it into dist/node,
 * bundled into that one file. Node's ESM loader resolved, read and linked ~600 modules one
 * by one on every start (ours and their dependencies): 370 ms of a ~540 ms start to
 * healthy, against ~190 ms for the bundle. Every start counts: a restart during a meeting
 * keeps every member waiting for it (`npm run bench:storm`).
 *
 * The rest of dist/node stays as tsc wrote it: the worker threads' scripts (checkpoints,
 * exports) are started from there, and the migrations are read from there.
 */
import { build, type Plugin } from 'esbuild'
import { readFile } from 'node:fs/promises'
import { dirname, relative, resolve, sep } from 'node:path'

const dist = resolve(process.cwd(), 'dist/node')
const entry = resolve(dist, 'server/main.js')

/**
 * Each module keeps its own `import.meta.url`, where tsc put it, so what it finds from
 * there (db/migrations, db/checkpoint-worker.js, exports/export-worker.js) is where it was.
 */
const ownImportMetaUrl: Plugin = {
  name: 'own-import-meta-url',
  setup(plugin) {
    plugin.onLoad({ filter: /\.js$/ }, async ({ path }) => {
      if (!path.startsWith(dist + sep)) return undefined
      const source = await readFile(path, 'utf8')
      if (!source.includes('import.meta.url')) return { contents: source, loader: 'js' }
      const fromBundle = relative(dirname(entry), path).split(sep).join('/')
      const own = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`
      return { contents: source.replaceAll('import.meta.url', own), loader: 'js' }
    })
  },
}

await build({
  entryPoints: [entry],
  outfile: entry,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Loaded from node_modules as before: native code (libSQL), `ws`'s optional native
  // add-ons, and ioredis, which finds its own files from `__dirname`.
  external: ['libsql', '@libsql/*', 'bufferutil', 'utf-8-validate', 'ioredis'],
  // CommonJS dependencies (ioredis) require Node's built-ins; an ES module has no `require`.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  plugins: [ownImportMetaUrl],
  logLevel: 'warning',
})
