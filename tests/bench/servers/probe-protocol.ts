/** What the bench asks a server's probe (probe.js) over IPC, and what it answers. */
export type ProbeRequest =
  | { type: 'sample'; id: number; gc: boolean }
  | { type: 'profile-start'; id: number; intervalMicros: number }
  | { type: 'profile-stop'; id: number; path: string }
  | { type: 'heap-snapshot'; id: number; path: string }

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
    }
  | { type: 'done'; id: number; error?: string }
