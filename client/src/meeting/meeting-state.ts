import type { Accessor } from 'solid-js'
import type { MeetingPart } from '../../../shared/workspace/control.ts'
import type { GroupContextValue } from '../app/group-context.tsx'
import { createHands, createMeetingControl } from './control-store.ts'
import type { MeetingContextValue } from './meeting-context.tsx'
import { publishView } from './presence-view.ts'
import { revealOnBoard } from './reveal.ts'
import { createFollowing } from './use-following.ts'
import { createWriteAccess } from './write-access.ts'

/**
 * Everything one meeting's board shares, made once per open board: the control state and
 * hands (live), the write policy's answers, following the facilitator, and this member's
 * view published in presence.
 */
export function createMeetingState(
  group: GroupContextValue,
  meetingId: string,
  part: Accessor<MeetingPart>,
  open: (part: MeetingPart) => void,
): MeetingContextValue {
  const control = createMeetingControl(group.doc, meetingId)
  const writer = { role: group.session.role, participantId: group.session.participant.id }
  const follow = createFollowing({
    control,
    facilitator: group.facilitator,
    open,
    reveal: revealOnBoard,
  })
  publishView(group.provider.awareness, meetingId, part, follow.following)
  return {
    meetingId,
    control,
    hands: createHands(group.doc, meetingId),
    access: createWriteAccess(group.doc, writer),
    writer,
    part,
    following: follow.following,
    rejoin: follow.rejoin,
    navigated: follow.navigated,
    led: () => control.value.led,
    leads: group.facilitator,
  }
}
