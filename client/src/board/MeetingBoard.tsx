import { useParams } from '@solidjs/router'
import { createMemo, Show } from 'solid-js'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { MeetingGone } from '../meetings/MeetingGone.tsx'
import { MeetingRoom } from './MeetingRoom.tsx'

/** `/g/:room/m/:meetingId?del=…`: the meeting's four co-edited parts, deep-linkable. */
export function MeetingBoard() {
  const params = useParams<{ meetingId: string }>()
  const group = useGroup()
  const { t } = useI18n()
  const meeting = createMemo(() => group.group()?.meetings.find((m) => m.id === params.meetingId))
  const previousMeetingId = createMemo(() => {
    const meetings = group.group()?.meetings ?? []
    const index = meetings.findIndex((m) => m.id === params.meetingId)
    return index > 0 ? (meetings[index - 1]?.id ?? null) : null
  })
  return (
    <Show when={group.group()} fallback={<p aria-busy="true">{t('board.loading')}</p>}>
      <Show when={meeting()} fallback={<MeetingGone room={group.room} />}>
        {(current) => (
          // Keyed by id: another meeting is another control state, following and presence.
          <Show when={current().id} keyed>
            {(id) => (
              <MeetingRoom
                meetingId={id}
                meeting={current()}
                previousMeetingId={previousMeetingId()}
              />
            )}
          </Show>
        )}
      </Show>
    </Show>
  )
}
