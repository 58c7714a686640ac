import { build, type Plugin } from 'esbuild'
import { readFile } from 'node:fs/promises'
import { basename, dirname, relative, sep } from 'node:path'

export interface BundleOptions {
  /** The directory tsc built into: its modules are bundled. */
  dist: string
  /** The entry module in `dist`; the bundle replaces it. */
  entry: string
  /** Packages loaded from node_modules at run time, as before. */
  external: string[]
}

/**
 * Each module keeps its own `import.meta.url`, where tsc put it, so what it finds from
 * there (db/migrations, db/checkpoint-worker.js, exports/export-worker.js) is where it was.
 */
function ownImportMetaUrl(dist: string, entry: string): Plugin {
  return {
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
}

/**
 * Bundles `entry` with everything it imports into that same file (an ES module for Node);
 * what it imports dynamically goes into chunks beside it, loaded when asked for (the entry
 * listens before it loads the app: server/main.ts).
 */
export async function bundleEntry({ dist, entry, external }: BundleOptions): Promise<void> {
  await build({
    entryPoints: { [basename(entry, '.js')]: entry },
    outdir: dirname(entry),
    // Beside the entry, so what each module finds from its import.meta.url stays where it was.
    splitting: true,
    chunkNames: '[name]-[hash]',
    allowOverwrite: true,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external,
    // CommonJS dependencies require Node's built-ins; an ES module has no `require`.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    plugins: [ownImportMetaUrl(dist, entry)],
    logLevel: 'warning',
  })
}
