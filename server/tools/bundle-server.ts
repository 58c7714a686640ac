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
import { resolve } from 'node:path'
import { bundleEntry } from './bundle.ts'

const dist = resolve(process.cwd(), 'dist/node')
await bundleEntry({
  dist,
  entry: resolve(dist, 'server/main.js'),
  // Native code (libSQL), `ws`'s optional native add-ons, and ioredis, which finds its own
  // files from `__dirname` (a bundle has none).
  external: ['libsql', '@libsql/*', 'bufferutil', 'utf-8-validate', 'ioredis'],
})
