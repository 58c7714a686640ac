/**
 * `npm run bench:client-ab`: two built clients compared on a returning participant's first
 * board content, in visits that alternate between them (A B, B A, A B …) so that both meet
 * the machine in the same state. On this shared 2-core machine the same build's median moved
 * 300 → 480 ms within an hour, more than a change is worth; pairs cancel that drift.
 * Each build gets its own server (demo round, temporary database) and its own browser with a
 * profile on disk (a participant's own browser), joined and warmed with one first visit.
 * Prints both medians, the median of the paired differences (B − A) and in how many pairs B
 * was faster.
 *
 * Env: BENCH_CLIENT_A, BENCH_CLIENT_B (built clients, `npx vite build --outDir …`),
 * BENCH_PAIRS (40), BENCH_PORT (3190; B on the next port).
 */
import { launchBrowserProfile, startProduct, type Device, type Product } from './browser/product.ts'
import { firstVisit, joinBoard, timedVisit } from './browser/returning.ts'
import { envNumber } from './env.ts'
import { median } from './metrics.ts'

const pairs = envNumber('BENCH_PAIRS', 40)
const port = envNumber('BENCH_PORT', 3190)

function builtClient(name: string): string {
  const dir = process.env[name]
  if (!dir) throw new Error(`${name} must name a built client (npx vite build --outDir …)`)
  return dir
}

async function main() {
  const dirs = [builtClient('BENCH_CLIENT_A'), builtClient('BENCH_CLIENT_B')]
  const products: Product[] = []
  const devices: Device[] = []
  try {
    for (const [i, dir] of dirs.entries())
      products.push(await startProduct({ port: port + i, clientDir: dir }))
    const boards = []
    for (const product of products) {
      const device = await launchBrowserProfile()
      devices.push(device)
      const url = await joinBoard(device.context, product, 'Jämför Besök')
      await firstVisit(device.context, url)
      boards.push({ context: device.context, url })
    }
    const times: [number[], number[]] = [[], []]
    const live: [number[], number[]] = [[], []]
    for (let pair = 0; pair < pairs; pair++) {
      for (const which of pair % 2 === 0 ? [0, 1] : [1, 0]) {
        const { context, url } = boards[which]!
        const visit = await timedVisit(context, url)
        times[which as 0 | 1].push(visit.firstMs)
        live[which as 0 | 1].push(visit.liveMs)
      }
    }
    const [a, b] = times
    const differences = a.map((ms, i) => b[i]! - ms)
    const faster = differences.filter((d) => d < 0).length
    console.info(
      `A ${dirs[0]}: median ${median(a).toFixed(0)} ms (live ${median(live[0]).toFixed(0)})`,
    )
    console.info(
      `B ${dirs[1]}: median ${median(b).toFixed(0)} ms (live ${median(live[1]).toFixed(0)})`,
    )
    console.info(
      `B − A, paired: median ${median(differences).toFixed(0)} ms; B faster in ${faster} of ${pairs}`,
    )
  } finally {
    for (const device of devices) await device.close()
    for (const product of products) await product.stop()
  }
}

await main()
