import { createMemo } from 'solid-js'
import { readAgenda } from '../../../shared/workspace/agenda.ts'
import { useGroup } from '../app/group-context.tsx'
import { createServerClock } from '../sync/server-clock.ts'
import { createYSnapshot } from '../sync/snapshot.ts'
import { useMeeting } from './meeting-context.tsx'
import { TimerControls } from './TimerControls.tsx'
import { TimerDisplay } from './TimerDisplay.tsx'

/**
 * The timer on a meeting's board, for everyone while one runs. The facilitator's own
 * screen also plays the sound they turned on.
 */
export function BoardTimer() {
  const group = useGroup()
  const meeting = useMeeting()
  const clock = createServerClock()
  return (
    <TimerDisplay
      timer={meeting.control.value.timer}
      now={clock.now}
      playSound={group.facilitator}
    />
  )
}

/** The facilitator's timer controls on the board, with the current agenda item to time. */
export function BoardTimerControls() {
  const group = useGroup()
  const meeting = useMeeting()
  const clock = createServerClock()
  const agenda = createYSnapshot(group.doc, () => readAgenda(group.doc, meeting.meetingId))
  const currentItem = createMemo(() => {
    const id = meeting.control.value.agendaItemId
    const item = id ? agenda.value.find((entry) => entry.id === id) : undefined
    return item ? { id: item.id, title: item.title, minutes: item.minutes } : null
  })
  return (
    <TimerControls
      meetingId={meeting.meetingId}
      timer={meeting.control.value.timer}
      now={clock.now}
      agendaItem={currentItem()}
    />
  )
}
