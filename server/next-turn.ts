/**
 * Resolves in the next turn of the event loop, after what the sockets have read meanwhile
 * is handled: long synchronous work done in steps, with this between them, never holds
 * every room's updates back for all of it.
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
