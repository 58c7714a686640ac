const KEY = 'modellrummet:last-group'

/** The group this browser last opened, so the landing page can offer a way back. */
export function lastGroup(): { room: string; name: string } | null {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as unknown
    if (value && typeof value === 'object' && 'room' in value && 'name' in value) {
      const { room, name } = value as { room: unknown; name: unknown }
      if (typeof room === 'string' && typeof name === 'string') return { room, name }
    }
  } catch {
    // ignore unreadable storage
  }
  return null
}

export const rememberGroup = (room: string, name: string) =>
  localStorage.setItem(KEY, JSON.stringify({ room, name }))

const LEFT_KEY = 'modellrummet:left-group'

/** The landing page says which group was just left (once). */
export function noteLeftGroup(name: string): void {
  try {
    sessionStorage.setItem(LEFT_KEY, name)
  } catch {
    // storage refused: the landing page just does not say it
  }
}

export function takeLeftGroup(): string | null {
  try {
    const name = sessionStorage.getItem(LEFT_KEY)
    sessionStorage.removeItem(LEFT_KEY)
    return name
  } catch {
    return null
  }
}

/** After leaving a group this browser no longer offers the way back to it. */
export function forgetGroup(room: string): void {
  if (lastGroup()?.room === room) localStorage.removeItem(KEY)
}
