import type { PeerMessage } from './peer-message.ts'

/**
 * How the rooms of one node hear what the other nodes accepted (scale-out). Rooms know
 * only this interface; `redis-bus.ts` is the implementation.
 */
export interface RoomBus {
  /** Resolves once messages for `room` reach `onMessage` (or at once while disconnected). */
  subscribe(room: string, onMessage: (message: PeerMessage) => void): Promise<void>
  unsubscribe(room: string): void
  /** Best effort: while disconnected it is dropped, and `onReconnected` makes up for it. */
  publish(room: string, message: PeerMessage): void
  /** Called after the bus came back from a disconnection; messages may have been lost. */
  onReconnected(listener: () => void): void
  status(): 'ok' | 'down'
  close(): Promise<void>
}
