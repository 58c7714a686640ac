import * as Y from 'yjs'
import { createLogger } from '../../../server/log.ts'
import { encodeUpdate, parseMessage } from '../../../server/relay/protocol.ts'
import type { Room, RoomConnection } from '../../../server/relay/room.ts'
import { createRooms, type Rooms, type RoomsOptions } from '../../../server/relay/rooms.ts'
import type { DocStore } from '../../../server/storage/doc-store.ts'
import { createGroupCommit } from '../../../server/storage/group-commit.ts'
import { createMemoryDocStore } from '../../../server/storage/memory-doc-store.ts'
import { RelayLimits } from '../../../shared/protocol/limits.ts'
import type { Role } from '../../../shared/roles.ts'

/**
 * In-memory rig for the rooms of one process, in the style of tldraw sync-core's
 * TestSocketPair: members are fake connections whose frames the test delivers itself, the
 * store is the memory DocStore behind a switch that fails on demand. No network, no disk,
 * no sleeping: the test decides when each step happens.
 */

const silent = createLogger('silent')

/** The memory store, with failures and a held compaction on demand. */
export function makeFaultyStore(inner: DocStore = createMemoryDocStore()) {
  const faults = { appends: false, loads: false }
  let held: Promise<void> | null = null
  let loads = 0
  const compactions = { started: 0, stored: 0 }
  const store: DocStore = {
    ...inner,
    async load(room) {
      loads += 1
      if (faults.loads) throw new Error('disk unreadable')
      return inner.load(room)
    },
    async append(entries) {
      if (faults.appends) throw new Error('disk full')
      return inner.append(entries)
    },
    async compact(room, snapshot, upto) {
      compactions.started += 1
      await held
      await inner.compact(room, snapshot, upto)
      compactions.stored += 1
    },
  }
  return {
    store,
    inner,
    faults,
    compactions,
    /** How many loads the store served (or refused). */
    get loads() {
      return loads
    },
    /** Compactions wait until the returned function is called. */
    holdCompactions(): () => void {
      let release = () => {}
      held = new Promise((resolve) => (release = resolve))
      return () => {
        held = null
        release()
      }
    },
  }
}

export function makeRooms(store: DocStore, options: Partial<RoomsOptions> = {}) {
  const commit = createGroupCommit(store)
  const rooms: Rooms = createRooms({
    store,
    commit,
    limits: { ...RelayLimits },
    logger: silent,
    graceMs: 1000,
    compactAfterUpdates: 500,
    maxHistoryBytes: 1024 * 1024 * 1024,
    ...options,
  })
  return { rooms, commit }
}

/** Lets the event loop take `turns` I/O turns (group commit and compaction steps run). */
export async function settle(turns = 50): Promise<void> {
  for (let i = 0; i < turns; i += 1) await new Promise((resolve) => setImmediate(resolve))
}

/** Lets the event loop run until `check` holds (I/O turns only: timers stay the test's). */
export async function until(check: () => boolean, what: string, turns = 1000): Promise<void> {
  for (let i = 0; i < turns; i += 1) {
    if (check()) return
    await new Promise((resolve) => setImmediate(resolve))
  }
  throw new Error(`never happened: ${what}`)
}

/**
 * A member's end of a connection: its own Y.Doc, the frames the room sent it, its closes.
 * A facilitator by default: the write policy lets a facilitator write anywhere the schema
 * allows, and these tests are about the room's life, not about who may write what.
 */
export class TestMember {
  readonly doc = new Y.Doc()
  readonly received: Uint8Array[] = []
  readonly closes: number[] = []
  room: Room | null = null
  readonly connection: RoomConnection

  constructor(
    readonly name: string,
    role: Role = 'facilitator',
  ) {
    this.connection = {
      sessionId: `session-${name}`,
      role,
      participant: {
        id: `participant-${name}`,
        displayName: name,
        organisationId: null,
        function: null,
        role,
      },
      logger: silent,
      send: (frame) => this.received.push(frame),
      close: (code) => this.closes.push(code),
    }
  }

  async join(rooms: Rooms, name: string): Promise<Room> {
    this.room = await rooms.join(name, this.connection)
    return this.room
  }

  /** The socket closed (as ws-connection.ts reports it, however late). */
  leave(rooms: Rooms): void {
    if (this.room) rooms.leave(this.room, this.connection)
  }

  /** Types `text` at the end of the member's own comment and sends the update to its room. */
  type(text: string): void {
    for (const frame of this.typing(text)) this.room?.message(this.connection, frame)
  }

  /** Types `text` at the end of the member's own comment: the frames to send, unsent. */
  typing(text: string): Uint8Array[] {
    const updates: Uint8Array[] = []
    const collect = (update: Uint8Array) => updates.push(update)
    this.doc.on('update', collect)
    const comments = this.doc.getMap(COMMENTS)
    const found = comments.get(this.name)
    const own = found instanceof Y.Text ? found : comments.set(this.name, new Y.Text())
    own.insert(own.length, text)
    this.doc.off('update', collect)
    return updates.map(encodeUpdate)
  }

  /** Applies the document frames the room sent so far (flushes the server's side). */
  flush(): void {
    for (const frame of this.received.splice(0)) {
      const message = parseMessage(frame)
      if (message.type === 'sync-update') Y.applyUpdate(this.doc, message.update)
    }
  }

  /** What `author` typed, as this member's document has it. */
  textOf(author: string): string {
    return textIn(this.doc, author)
  }
}

/**
 * Members type into their own checklist comment (a text per key), a place the workspace
 * schema lets a client create: the relay's gate refuses writes outside the schema.
 */
const COMMENTS = 'checklistComments'

const textIn = (doc: Y.Doc, author: string): string =>
  doc.getMap(COMMENTS).get(author)?.toString() ?? ''

/** What `author` typed, as the room's document has it. */
export const textInRoom = (room: Room, author: string): string => textIn(room.doc, author)

/** A server change typing `text` at the start of `author`'s comment. */
export const serverTypes = (author: string, text: string) => (doc: Y.Doc) => {
  const own = doc.getMap(COMMENTS).get(author)
  if (own instanceof Y.Text) own.insert(0, text)
}
