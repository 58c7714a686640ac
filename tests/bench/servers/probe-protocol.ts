/** What the bench asks a server's probe (probe.js) over IPC, and what it answers. */
export type ProbeRequest =
  | { type: 'sample'; id: number; gc: boolean; keepStalls: boolean }
  | { type: 'profile-start'; id: number; intervalMicros: number }
  | { type: 'profile-stop'; id: number; path: string }
  | { type: 'heap-snapshot'; id: number; path: string }

/**
 * One stall, split by the main thread's scheduler counters (servers/stall-anatomy.js): the
 * longest gap between two of the loop's check phases (a 5 ms timer asks for each), less the
 * 5 ms.
 */
export interface StallAnatomy {
  stallMs: number
  /** Of the gap: on a CPU (JS, GC, native code), runnable but waiting for a CPU, neither
   * (blocked in a synchronous call, a page fault). These three add up to the gap. */
  ranMs: number
  waitedMs: number
  otherMs: number
  /** GC pauses inside the gap: the main thread ran or waited in them, so they overlap. */
  gcMs: number
  /** Stalls over 20 ms in the same stretch. */
  longStalls: number
}

export type ProbeReply =
  | {
      type: 'sample'
      id: number
      /** process.cpuUsage() user + system, µs since start. */
      cpuMicros: number
      /** The system (kernel) part of cpuMicros. */
      systemCpuMicros: number
      rssBytes: number
      heapUsedBytes: number
      heapTotalBytes: number
      /** C++ objects bound to JS (Buffers, ArrayBuffers, native handles). */
      externalBytes: number
      /** The longest event-loop stall since the previous sample (ms; 0 before the first). */
      maxLoopStallMs: number
      /** The longest GC pause since the previous sample (ms) and its kind (major, minor…). */
      maxGcPauseMs: number
      maxGcPauseKind: string
      /** Time in GC pauses since the previous sample (ms). */
      gcPauseMs: number
      /**
       * How long the main thread has waited, runnable, for a CPU since it started (ms, Linux's
       * /proc/self/schedstat; null elsewhere): a loop stall with no GC pause and no long task
       * in it is often this, the two cores being busy with the bench's clients.
       */
      runQueueWaitMs: number | null
      /**
       * The machine's CPU time so far in clock ticks, its idle part, and what its host took
       * of it (a VM's steal; /proc/stat, null elsewhere). On this bench's virtual machine the
       * host took 16 % of the two CPUs in a busy hour (session 30), which no process here
       * can see.
       */
      machineTicks: { idle: number; stolen: number; total: number } | null
      /** The longest stall since the previous sample, in parts (BENCH_STALL_ANATOMY=1). */
      stallAnatomy: StallAnatomy | null
    }
  | { type: 'done'; id: number; error?: string }
