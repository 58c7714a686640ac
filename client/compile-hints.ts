import type { Plugin } from 'vite'

/**
 * V8's explicit compile hint (Chrome 136 on): every function of the file is compiled on the
 * thread that streams it in, not lazily on the main thread when first called. It must be the
 * file's first line.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad'

/**
 * Puts the compile hint first in every chunk of the build (vite.config.ts). A chunk loads only
 * when its page shows, and a page runs most of its code as it renders. In a returning visit
 * Chromium on our machines compiled the board's functions lazily on the main thread (a median
 * of ~115 ms of compile events before first content) because it did not use its code cache
 * for module scripts; with the hint ~13 ms (ARCHITECTURE.md, "Client performance").
 */
export function compileHints(): Plugin {
  return {
    name: 'modellrummet-compile-hints',
    apply: 'build',
    generateBundle: {
      // After Vite's own, which puts the preload map (`__vite__mapDeps`) first in a chunk.
      order: 'post',
      handler(_options, bundle) {
        for (const output of Object.values(bundle)) {
          if (output.type === 'chunk') hintChunk(output, bundle)
        }
      },
    },
  }
}

/** What of a built chunk and its bundle the hint touches (Rolldown's output types fit). */
interface BuiltChunk {
  fileName: string
  code: string
  map: { mappings: string } | null
}
type BuiltOutput = { type: 'chunk' } | { type: 'asset'; source: string | Uint8Array }

/** Prefixes a chunk with the hint, and its source map with one line that maps nothing. */
export function hintChunk(chunk: BuiltChunk, bundle: Record<string, BuiltOutput>): void {
  if (chunk.code.startsWith(COMPILE_HINT)) return
  chunk.code = `${COMPILE_HINT}\n${chunk.code}`
  if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`
  const mapAsset = bundle[`${chunk.fileName}.map`]
  if (mapAsset?.type === 'asset' && typeof mapAsset.source === 'string') {
    const map = JSON.parse(mapAsset.source) as { mappings: string }
    map.mappings = `;${map.mappings}`
    mapAsset.source = JSON.stringify(map)
  }
}
