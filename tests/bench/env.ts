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

/** What a load shape is judged by: ours / @y/websocket-server, medians of rounds. */
export interface ShapeTargets {
  cpuRatioMax: number
  p99RatioMax: number
  /** ours p50 − ours with the log in memory p50, ms: what persisting adds (when measured). */
  persistP50AddedMaxMs?: number
}

/**
 * The named loads (BENCH_SHAPE), each with issue 14's targets for it. `steady`, the default:
 * 10 rooms of 5, an edit every 100–200 ms (~330 updates/s). `light` (target 2): rooms of 5,
 * one edit per member every 1–2 s, phases of 30 s so each holds ~4,000 deliveries. `heavy`
 * (target 1): 8 rooms of 20, an edit every 100–200 ms (~1,050 updates/s).
 */
const SHAPES = {
  steady: {
    shape: { rooms: 10, clientsPerRoom: 5, loadMs: 10_000, minIntervalMs: 100, maxIntervalMs: 200 },
    targets: { cpuRatioMax: 1.3, p99RatioMax: 1.2 },
  },
  light: {
    shape: {
      rooms: 10,
      clientsPerRoom: 5,
      loadMs: 30_000,
      minIntervalMs: 1000,
      maxIntervalMs: 2000,
    },
    targets: { cpuRatioMax: 1.3, p99RatioMax: 1.2, persistP50AddedMaxMs: 1 },
  },
  heavy: {
    shape: { rooms: 8, clientsPerRoom: 20, loadMs: 10_000, minIntervalMs: 100, maxIntervalMs: 200 },
    targets: { cpuRatioMax: 0.8, p99RatioMax: 1.0 },
  },
} as const satisfies Record<string, { shape: Omit<LoadShape, 'seed'>; targets: ShapeTargets }>

export type ShapeName = keyof typeof SHAPES

/** The `steady` shape's load, at whose rate every server warms up at least (load-phase.ts). */
export const steadyShape: Omit<LoadShape, 'seed'> = SHAPES.steady.shape

const shapeName = (): ShapeName => {
  const name = process.env.BENCH_SHAPE || 'steady'
  if (!(name in SHAPES)) throw new Error(`BENCH_SHAPE must be one of ${Object.keys(SHAPES)}`)
  return name as ShapeName
}

/** The edit load: BENCH_SHAPE, each of whose numbers BENCH_ROOMS, BENCH_CLIENTS… override. */
export function readLoadShape(): LoadShape & { name: ShapeName } {
  const name = shapeName()
  const { shape } = SHAPES[name]
  return {
    name,
    rooms: envNumber('BENCH_ROOMS', shape.rooms),
    clientsPerRoom: envNumber('BENCH_CLIENTS', shape.clientsPerRoom),
    loadMs: envNumber('BENCH_LOAD_MS', shape.loadMs),
    minIntervalMs: envNumber('BENCH_MIN_INTERVAL_MS', shape.minIntervalMs),
    maxIntervalMs: envNumber('BENCH_MAX_INTERVAL_MS', shape.maxIntervalMs),
    seed: 1,
  }
}

/** The targets of the shape in BENCH_SHAPE. */
export const readShapeTargets = (): ShapeTargets => SHAPES[shapeName()].targets
