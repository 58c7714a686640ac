import { createContext } from 'solid-js'
import type { GroupWorkspaceResponse, SessionResponse } from '../../../shared/api.ts'
import { api } from '../api/client.ts'
import { readDeviceCopy, type DeviceCopy } from '../sync/device-store.ts'

/**
 * What a group's page asks first (the server, and IndexedDB for this device's copy of the
 * room), asked as soon as the entry runs on a group's URL: the group's code is lazy, and
 * GroupShell renders only once it has loaded and run (~100 ms on a returning visit,
 * ARCHITECTURE.md "Client performance"); the requests need none of it.
 */
interface GroupLoad {
  room: string
  session: Promise<SessionResponse>
  group: Promise<GroupWorkspaceResponse>
  /** This device's copy of the room, read (null where it keeps none): 100–300 ms. */
  deviceCopy: Promise<DeviceCopy | null>
}

/** Hands the early requests to the first GroupShell of their room, once; later ones ask anew. */
export interface GroupLoadHandoff {
  take(room: string): GroupLoad | undefined
}

/** The room of a group's URL (`/g/:room/…`) as the router's `:room` reads it; else null. */
export function roomOfPath(pathname: string): string | null {
  return /^\/g\/([^/]+)/.exec(pathname)?.[1] ?? null
}

/** Starts the requests of the page at `pathname` when it is a group's; else hands nothing. */
export function startGroupLoad(pathname: string): GroupLoadHandoff {
  const room = roomOfPath(pathname)
  let early: GroupLoad | undefined
  if (room !== null) {
    early = {
      room,
      session: api.session(room),
      group: api.group(room),
      deviceCopy: readDeviceCopy(room),
    }
    // Read only if taken: a failure nobody reads is not an unhandled rejection.
    early.session.catch(() => undefined)
    early.group.catch(() => undefined)
  }
  return {
    take(wanted) {
      const taken = early?.room === wanted ? early : undefined
      early = undefined
      return taken
    },
  }
}

/** The entry's handoff, for GroupShell (App provides it; absent in a page without one). */
export const GroupLoadContext = createContext<GroupLoadHandoff>()
