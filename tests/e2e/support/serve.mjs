// Starts the product for the e2e run exactly as `npm start` would (build, migrate, seed the
// demo round, serve) but on a fresh temporary database and the given port.
import { spawnSync, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const port = process.argv[2] ?? '3107'
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)
const dir = mkdtempSync(join(tmpdir(), 'modellrummet-e2e-'))
const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: port,
    HOST: '127.0.0.1',
    DATABASE_URL: `file:${join(dir, 'e2e.db')}`,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    E2E_DATA_DIR: dir,
    LOG_LEVEL: 'warn',
  },
})
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
