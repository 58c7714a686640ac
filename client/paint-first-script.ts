import { createHash } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { build, type Plugin, type Rolldown } from 'vite'
import { PAINT_FIRST_ATTRIBUTE } from './src/painted/painted-store.ts'
const SOURCE = fileURLToPath(new URL('src/painted/paint-first.ts', import.meta.url))

/** paint-first.ts and what it imports as one file: it must wait for no other chunk. */
async function bundlePaintFirst(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: true,
      emptyOutDir: false,
      rolldownOptions: { input: SOURCE, output: { format: 'es' } },
    },
  })
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[]
  const chunks = outputs.flatMap((output) => output.output).filter((out) => out.type === 'chunk')
  if (chunks.length !== 1) throw new Error(`paint-first built into ${chunks.length} chunks`)
  return chunks[0]!.code
}

/**
 * Builds client/src/painted/paint-first.ts into one file of its own, loaded from index.html
 * as an async module ahead of the entry: it is asked for first and is small, so it runs in a
 * task of its own before the entry's (~50 ms of module evaluation and the app's first
 * render), and the painted board can be on screen before them. Imported first by the entry
 * instead, the board showed only once the entry's first run had ended (ARCHITECTURE.md,
 * "Client performance"). Built apart from the app: in the app's build it shared chunks with
 * the board and would have waited for them. In development nothing is painted.
 */
export function paintFirstScript(): Plugin {
  let fileName = ''
  return {
    name: 'modellrummet-paint-first',
    apply: 'build',
    async buildStart() {
      const code = await bundlePaintFirst()
      const hash = createHash('sha256').update(code).digest('base64url').slice(0, 8)
      fileName = `assets/paint-first-${hash}.js`
      this.emitFile({ type: 'asset', fileName, source: code })
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'script',
          attrs: {
            type: 'module',
            async: true,
            src: `/${fileName}`,
            [PAINT_FIRST_ATTRIBUTE]: true,
          },
          injectTo: 'head-prepend',
        },
      ],
    },
  }
}
