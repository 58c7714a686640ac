// Prints one closing line for the whole `npm test` run, from the runners' JSON reports:
// "Tests: N passed, N failed". Exits non-zero if any runner reported a failure or no tests.
import { existsSync, readFileSync } from 'node:fs'

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null)
const vitest = read('test-results/vitest.json')
const playwright = read('test-results/playwright.json')

let passed = 0
let failed = 0
if (vitest) {
  passed += vitest.numPassedTests
  failed += vitest.numFailedTests
}
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky
  failed += playwright.stats.unexpected
}
console.log(`Tests: ${passed} passed, ${failed} failed`)
process.exit(failed > 0 || passed === 0 || !vitest || !playwright ? 1 : 0)
