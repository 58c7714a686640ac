/**
 * Preloaded (`--import`) into every benchmarked server process (types: probe-protocol.ts).
 * Over the IPC channel the bench asks for
 * - a sample: the process's own CPU time (all threads, getrusage) and RSS, optionally after
 *   a full GC so memory figures compare settled heaps;
 * - a CPU profile of a window (start … stop), written as a .cpuprofile file;
 * - a heap snapshot (.heapsnapshot), to see what idle connections hold.
 * It also tells the bench when the server starts listening ({ type: 'ready' }).
 * If the bench goes away (even by SIGKILL) the channel closes and the server exits, so no
 * child outlives it.
 */
// Plain JavaScript, so a server started from its build (`node dist/node/server/main.js`, as
// `npm start` runs it) needs no TypeScript loader: through tsx every module of ours loaded
// 0.4 s slower, which the reconnect storm counted as the restart's.
import { readFileSync, writeFileSync } from 'node:fs'
import { Server } from 'node:net'
import { Session } from 'node:inspector/promises'
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks'
import { writeHeapSnapshot } from 'node:v8'
import { openSchedstat } from './schedstat.js'
import { startStallAnatomy } from './stall-anatomy.js'

/** @type {(() => void) | undefined} */
const collect = /** @type {{ gc?: () => void }} */ (globalThis).gc
// Every stall the server's loop makes, to 5 ms: the bench reports the longest per phase.
const loopDelay = monitorEventLoopDelay({ resolution: 5 })
loopDelay.enable()
/** @type {Session | null} */
let session = null
const schedstat = openSchedstat()
// BENCH_STALL_ANATOMY=1: each sample also says what the longest stall was made of.
const anatomy = process.env.BENCH_STALL_ANATOMY === '1' ? startStallAnatomy(schedstat) : null

// GC pauses, so a phase's longest stall can be told apart from (or matched to) a collection.
const gcKinds = new Map([
  [constants.NODE_PERFORMANCE_GC_MAJOR, 'major'],
  [constants.NODE_PERFORMANCE_GC_MINOR, 'minor'],
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL, 'incremental'],
  [constants.NODE_PERFORMANCE_GC_WEAKCB, 'weak callbacks'],
])
const gc = { maxMs: 0, maxKind: '', totalMs: 0 }
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    anatomy?.pause(entry)
    gc.totalMs += entry.duration
    if (entry.duration <= gc.maxMs) continue
    gc.maxMs = entry.duration
    const kind = /** @type {{ kind?: number }} */ (entry.detail ?? {}).kind
    gc.maxKind = gcKinds.get(kind ?? -1) ?? 'other'
  }
}).observe({ entryTypes: ['gc'] })

/**
 * The machine's CPU time so far, in clock ticks (/proc/stat's first line): all of it, the
 * idle part (waiting for I/O included), and what the host took from this virtual machine's
 * CPUs (steal: time a CPU of ours was runnable and the hypervisor ran something else). Null
 * off Linux.
 *
 * @returns {{ idle: number, stolen: number, total: number } | null}
 */
function machineTicks() {
  try {
    const line = readFileSync('/proc/stat', 'latin1').split('\n', 1)[0] ?? ''
    // user nice system idle iowait irq softirq steal (guest time is counted in user already)
    const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number)
    return {
      idle: (ticks[3] ?? 0) + (ticks[4] ?? 0),
      stolen: ticks[7] ?? 0,
      total: ticks.reduce((sum, n) => sum + n, 0),
    }
  } catch {
    return null
  }
}

/**
 * @param {import('./probe-protocol.ts').ProbeRequest} message
 * @returns {Promise<import('./probe-protocol.ts').ProbeReply>}
 */
async function handle(message) {
  switch (message.type) {
    case 'sample': {
      if (message.gc && collect) {
        collect()
        collect()
      }
      const cpu = process.cpuUsage()
      const memory = process.memoryUsage()
      // The histogram's max is the worst delay of a 5 ms timer, in ns (it starts at 0).
      const maxLoopStallMs = loopDelay.count > 0 ? loopDelay.max / 1e6 : 0
      const pauses = { maxGcPauseMs: gc.maxMs, maxGcPauseKind: gc.maxKind, gcPauseMs: gc.totalMs }
      const stallAnatomy = anatomy?.take(!message.keepStalls) ?? null
      if (!message.keepStalls) {
        loopDelay.reset()
        Object.assign(gc, { maxMs: 0, maxKind: '', totalMs: 0 })
      }
      return {
        ...pauses,
        // The main thread's run-queue wait so far, ms.
        runQueueWaitMs: schedstat()?.waitedMs ?? null,
        machineTicks: machineTicks(),
        stallAnatomy,
        type: 'sample',
        id: message.id,
        cpuMicros: cpu.user + cpu.system,
        systemCpuMicros: cpu.system,
        rssBytes: memory.rss,
        heapUsedBytes: memory.heapUsed,
        heapTotalBytes: memory.heapTotal,
        externalBytes: memory.external,
        maxLoopStallMs,
      }
    }
    case 'profile-start': {
      session = new Session()
      session.connect()
      await session.post('Profiler.enable')
      await session.post('Profiler.setSamplingInterval', { interval: message.intervalMicros })
      await session.post('Profiler.start')
      return { type: 'done', id: message.id }
    }
    case 'heap-snapshot': {
      collect?.()
      writeHeapSnapshot(message.path)
      return { type: 'done', id: message.id }
    }
    case 'profile-stop': {
      if (!session) return { type: 'done', id: message.id, error: 'not profiling' }
      const { profile } = await session.post('Profiler.stop')
      session.disconnect()
      session = null
      writeFileSync(message.path, JSON.stringify(profile))
      return { type: 'done', id: message.id }
    }
  }
}

if (process.send) {
  process.on('message', (/** @type {import('./probe-protocol.ts').ProbeRequest} */ message) => {
    if (typeof message !== 'object' || message === null || !('id' in message)) return
    handle(message).then(
      (reply) => process.send?.(reply),
      (error) => process.send?.({ type: 'done', id: message.id, error: String(error) }),
    )
  })
  process.on('disconnect', () => process.exit(0))
  // The moment the server listens, told over the channel and so the same way for every
  // server. A health URL polled by the bench answered ours 0.4–1.5 s after it listened in a
  // reconnect storm, where the bench's own loop is busy with 2,000 clients.
  const listen = Server.prototype.listen
  Server.prototype.listen = function listenAndTell(...args) {
    this.once('listening', () => process.send?.({ type: 'ready' }))
    return listen.apply(this, args)
  }
}
