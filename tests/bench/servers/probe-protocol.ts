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
    }
  | { type: 'done'; id: number; error?: string }
