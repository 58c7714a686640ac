import type { ChildServer } from '../child.ts'
import type { ClientFactory } from '../load.ts'

/** One server under test: its process, how to make rooms usable, how clients connect. */
export interface ServerAdapter extends ClientFactory {
  readonly id: 'ours' | 'y-websocket-server' | 'hocuspocus'
  readonly label: string
  readonly server: ChildServer
  /** Makes `perRoom` clients per room able to connect (ours: groups and sessions). */
  prepare(rooms: readonly string[], perRoom: number): Promise<void>
  /** Stops the server and removes what it left behind. */
  stop(): Promise<void>
}

/** Presence as a board client publishes it, the same for every server. */
export const presenceFor = (room: string, slot: number) => ({
  user: { name: `Bench ${room} ${slot}`, color: '#3b6ea5' },
})
