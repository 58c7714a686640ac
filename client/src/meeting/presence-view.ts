import { createEffect, onCleanup, type Accessor } from 'solid-js'
import type { Awareness } from 'y-protocols/awareness'
import type { MeetingPart } from '../../../shared/workspace/control.ts'
import type { PresenceView } from '../../../shared/workspace/presence.ts'

/** Tells the others (presence) which part of the meeting this member has open and whether they follow. */
export function publishView(
  awareness: Awareness,
  meetingId: string,
  part: Accessor<MeetingPart>,
  following: Accessor<boolean>,
): void {
  createEffect(() => {
    const view: PresenceView = { meetingId, part: part(), following: following() }
    awareness.setLocalStateField('view', view)
  })
  onCleanup(() => {
    if (awareness.getLocalState() !== null) awareness.setLocalStateField('view', null)
  })
}
