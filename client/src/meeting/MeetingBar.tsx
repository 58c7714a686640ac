import { Show } from 'solid-js'
import { FacilitatorBar } from './FacilitatorBar.tsx'
import { FollowStatus } from './FollowStatus.tsx'
import { HandButtons } from './HandButtons.tsx'
import { useMeeting } from './meeting-context.tsx'
import { BoardTimer } from './BoardTimer.tsx'
import { ProjectorLinks } from '../projector/ProjectorLinks.tsx'

/**
 * The calm bar above the board's tabs: the facilitator's tools, or for everyone else
 * whether they follow; one's own hand and "klar"; and the meeting's timer.
 */
export function MeetingBar() {
  const meeting = useMeeting()
  return (
    <div class="meeting-bar">
      <Show when={meeting.leads} fallback={<FollowStatus />}>
        <FacilitatorBar />
      </Show>
      <HandButtons />
      <BoardTimer />
      <ProjectorLinks meetingId={meeting.meetingId} />
    </div>
  )
}
