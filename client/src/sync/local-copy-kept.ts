/**
 * The name of this device's copy of a room and whether it exists, without Yjs: the entry
 * asks while the group's code loads (app/group-load.ts), local-copy.ts keeps the copy.
 */
export const localCopyName = (room: string): string => `modellrummet:${room}`

/**
 * Whether this device already keeps a copy of the room. Opening one makes it, so a copy is
 * opened before the session is known only where it exists. False where the browser cannot
 * tell (`indexedDB.databases` is missing before Firefox 126).
 */
export async function hasLocalCopy(room: string): Promise<boolean> {
  try {
    const databases = await indexedDB.databases()
    return databases.some((database) => database.name === localCopyName(room))
  } catch {
    return false
  }
}
