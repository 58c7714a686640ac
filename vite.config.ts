import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { defineConfig, type Plugin } from 'vite'
import solid from 'vite-plugin-solid'
import { compileHints } from './client/compile-hints.ts'
import { groupChunks } from './client/group-chunks.ts'
import { paintFirstScript } from './client/paint-first-script.ts'

/**
 * Writes a brotli and a gzip copy beside every text asset of the build, so the server
 * sends them precompressed (server/http/static.ts) without compressing per request. Node's
 * zlib does it; no plugin needed.
 */
function precompress(): Plugin {
  const compressible = /\.(js|css|html|svg|json|txt)$/
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? walk(path) : [path]
    })
  let builtTo = ''
  return {
    name: 'modellrummet-precompress',
    apply: 'build',
    configResolved(config) {
      builtTo = resolve(config.root, config.build.outDir)
    },
    closeBundle() {
      for (const file of walk(builtTo)) {
        if (!compressible.test(file)) continue
        const content = readFileSync(file)
        if (content.byteLength < 1024) continue
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        )
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }))
      }
    },
  }
}

// The client is built into dist/client and served by the Hono server (server/http/static.ts).
// In development `vite` proxies the API and the WebSocket relay to the server on :3000.
export default defineConfig({
  root: 'client',
  plugins: [solid(), compileHints(), paintFirstScript(), precompress()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // Source maps for our own debugging, not referenced from the bundles (and never served).
    sourcemap: 'hidden',
    // The group's lazy code in three chunks, not ~20 (client/group-chunks.ts). Every module
    // of a chunk's dependencies is in it, in the entry or in `common` already, so nothing
    // more need be pulled in.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: groupChunks(fileURLToPath(new URL('client/src', import.meta.url))).name,
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/healthz': 'http://127.0.0.1:3000',
      '/ws': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
})
