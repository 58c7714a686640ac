/**
 * Answers each connection's request for state (sync step 1) once: a repeat while the
 * answer is on its way, or for the same state vector when the document has not changed
 * since, is ignored. A viewer asking twenty times for a large room had twenty copies of it
 * queued and took the server down.
 */
export function makeStateRequests<C extends object>() {
  /** Per connection: the request last answered (version and state vector), or ANSWERING. */
  const answered = new WeakMap<C, string>()

  /** Whether to answer; if so the request counts as being answered until `answered`. */
  function begin(connection: C, version: number, stateVector: Uint8Array): string | null {
    const vector = Buffer.from(stateVector).toString('base64')
    const last = answered.get(connection)
    if (last === ANSWERING || last === `${version}:${vector}`) return null
    answered.set(connection, ANSWERING)
    return vector
  }

  /** The answer went out reflecting the document at `version`. */
  function done(connection: C, version: number, vector: string): void {
    answered.set(connection, `${version}:${vector}`)
  }

  function failed(connection: C): void {
    answered.delete(connection)
  }

  return { begin, done, failed }
}

const ANSWERING = 'answering'
