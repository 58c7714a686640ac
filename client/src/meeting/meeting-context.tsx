import { createContext, useContext, type Accessor } from 'solid-js'
import type { MeetingControl, MeetingPart } from '../../../shared/workspace/control.ts'
import type { Hand } from '../../../shared/workspace/hands.ts'
import type { Writer } from '../../../shared/workspace/write-policy.ts'
import type { WriteAccess } from './write-access.ts'

/** What every part of one meeting's board shares: its control state, hands, access, following. */
export interface MeetingContextValue {
  meetingId: string
  control: { readonly value: MeetingControl }
  hands: { readonly value: Record<string, Hand> }
  access: WriteAccess
  writer: Writer
  /** The part this member has open. */
  part: Accessor<MeetingPart>
  following: Accessor<boolean>
  rejoin(): void
  /** The member opened a part themselves (a tab). */
  navigated(part: MeetingPart): void
  /** Whether the facilitator leads the meeting now (followers move with them). */
  led: Accessor<boolean>
  /** Whether this member may change the control state (a facilitator). */
  leads: boolean
}

export const MeetingContext = createContext<MeetingContextValue>()

export function useMeeting(): MeetingContextValue {
  const meeting = useContext(MeetingContext)
  if (!meeting) throw new Error('useMeeting outside a meeting board')
  return meeting
}
