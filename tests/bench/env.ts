/** The bench's settings from the environment, shared by `npm run bench` and `bench:phases`. */
import type { LoadShape } from './load.ts'

/** A non-negative number from `name`, or `fallback` when unset. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number`)
  return value
}

/** The edit load: BENCH_ROOMS × BENCH_CLIENTS, an edit every BENCH_MIN…MAX_INTERVAL_MS. */
export const readLoadShape = (): LoadShape => ({
  rooms: envNumber('BENCH_ROOMS', 10),
  clientsPerRoom: envNumber('BENCH_CLIENTS', 5),
  loadMs: envNumber('BENCH_LOAD_MS', 10_000),
  minIntervalMs: envNumber('BENCH_MIN_INTERVAL_MS', 100),
  maxIntervalMs: envNumber('BENCH_MAX_INTERVAL_MS', 200),
  seed: 1,
})
