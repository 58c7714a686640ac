// Starts the product for the e2e run exactly as `npm start` would (build, migrate, seed the
// demo round, serve the compiled server) but on a fresh temporary database and the given port.
import { spawnSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const port = process.argv[2] ?? '3107'
const build = spawnSync('npm', ['run', '--silent', 'build'], {
  stdio: 'inherit',
})
if (build.status !== 0) process.exit(build.status ?? 1)
const dir = mkdtempSync(join(tmpdir(), 'modellrummet-e2e-'))
const env = {
  ...process.env,
  PORT: port,
  HOST: '127.0.0.1',
  DATABASE_URL: `file:${join(dir, 'e2e.db')}`,
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  LOG_LEVEL: 'warn',
}
// The demo round through the documented CLI; the tests read its invitations from this file.
const demo = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'demo', '--json'], {
  env,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
})
if (demo.status !== 0) process.exit(demo.status ?? 1)
mkdirSync('test-results', { recursive: true })
writeFileSync('test-results/e2e-demo.json', demo.stdout)
// Round leads' one-time links (every round) through the CLI, as the first lead gets one:
// one per spec that signs a lead in (round-lead, privacy, round-overview, lead-invite,
// language), so none depends on another having run.
for (const file of [
  'e2e-lead.json',
  'e2e-lead-privacy.json',
  'e2e-lead-overview.json',
  'e2e-lead-invite.json',
  'e2e-lead-language.json',
]) {
  const lead = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'admin-invite'], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const leadLink = lead.stdout.match(/\S+\/leda#\S+/)?.[0]
  if (lead.status !== 0 || !leadLink) process.exit(lead.status || 1)
  writeFileSync(`test-results/${file}`, JSON.stringify({ url: leadLink }))
}
const child = spawn(process.execPath, ['dist/node/server/main.js'], {
  stdio: 'inherit',
  env,
})
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
