import type { KnipConfig } from 'knip'

/**
 * knip: unused files, exports and dependencies (`npm run knip`, part of `npm test`).
 * The plugins find most entries themselves: Vite (client/index.html → src/main.tsx),
 * Vitest, Playwright (and its webServer's tests/e2e/support/serve.mjs), ESLint, Drizzle,
 * and package.json's scripts (server/cli.ts, tests/bench/{run,phases,storage}.ts,
 * tests/summary.mjs). Listed here is what only a path in a string reaches.
 */
const config: KnipConfig = {
  entry: [
    'server/main.ts',
    // Started as a worker thread: new Worker(new URL('./checkpoint-worker.js', import.meta.url)).
    'db/checkpoint-worker.js',
    // Likewise: new Worker(new URL('./export-worker.ts' | '.js', import.meta.url)).
    'server/exports/export-worker.ts',
    'tests/**/*.test.ts',
    'tests/e2e/**/*.spec.ts',
    // Started as child processes by the bench's adapters and by the tests.
    'tests/bench/servers/*.ts',
    // Preloaded into each bench server: node --import tests/bench/servers/probe.js.
    'tests/bench/servers/probe.js',
    'tests/integration/storage/fixtures/*.ts',
  ],
  // System programs the tests start (apt packages, not npm ones).
  ignoreBinaries: ['redis-server', 'chattr'],
}

export default config
