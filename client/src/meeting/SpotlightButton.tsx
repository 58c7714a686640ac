import { Show } from 'solid-js'
import { setMeetingControl, type Spotlight } from '../../../shared/workspace/control.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { useMeeting } from './meeting-context.tsx'

/**
 * The facilitator puts one matrix question, PDSA plan or checklist item in the spotlight
 * (pressed again: out of it); followers see it large. Only while the meeting is led.
 */
export function SpotlightButton(props: { target: Spotlight; label: string }) {
  const group = useGroup()
  const meeting = useMeeting()
  const { t } = useI18n()
  const on = () => {
    const current = meeting.control.value.spotlight
    return current?.kind === props.target.kind && current.id === props.target.id
  }
  return (
    <Show when={meeting.leads && meeting.led()}>
      <button
        type="button"
        class="button subtle spotlight-button"
        aria-pressed={on()}
        aria-label={`${t('spotlight.show')}: ${props.label}`}
        onClick={() =>
          setMeetingControl(group.doc, meeting.meetingId, {
            spotlight: on() ? null : { ...props.target },
          })
        }
      >
        <span aria-hidden="true">◎ </span>
        {t('spotlight.show')}
      </button>
    </Show>
  )
}
