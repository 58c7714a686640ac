import { createSignal, Show } from 'solid-js'
import { setMeetingControl } from '../../../shared/workspace/control.ts'
import { clearHands } from '../../../shared/workspace/hands.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { BoardTimerControls } from './BoardTimer.tsx'
import { LockControl } from './LockControl.tsx'
import { useMeeting } from './meeting-context.tsx'
import { writePath } from './write-access.ts'

/**
 * The facilitator's tools, one calm row: lead the meeting (everyone follows), bring
 * everyone here, put out the spotlight, lock the whole meeting, lower all hands, and the
 * timer's controls.
 */
export function FacilitatorBar() {
  const group = useGroup()
  const meeting = useMeeting()
  const { t } = useI18n()
  const [said, setSaid] = createSignal('')
  const control = () => meeting.control.value
  const set = (patch: Parameters<typeof setMeetingControl>[2]) =>
    setMeetingControl(group.doc, meeting.meetingId, patch)
  const handsUp = () => Object.values(meeting.hands.value).length
  const toggleLead = () => {
    set(meeting.led() ? { led: false } : { led: true, part: meeting.part() })
    setSaid(meeting.led() ? t('lead.started') : t('lead.stopped'))
  }
  const bringEveryone = () => {
    set({ part: meeting.part(), summon: { count: control().summon.count + 1, at: Date.now() } })
    setSaid(t('lead.broughtEveryone'))
  }
  const lowerHands = () => {
    clearHands(group.doc, meeting.meetingId)
    setSaid(t('hands.cleared'))
  }
  return (
    <section class="facilitator-bar" aria-label={t('lead.tools')} data-testid="facilitator-bar">
      <button
        type="button"
        class="button"
        classList={{ primary: meeting.led() }}
        aria-pressed={meeting.led()}
        onClick={toggleLead}
      >
        {t('lead.lead')}
      </button>
      <Show when={meeting.led()}>
        <button type="button" class="button" onClick={bringEveryone}>
          {t('lead.bringEveryone')}
        </button>
      </Show>
      <Show when={control().spotlight}>
        <button type="button" class="button" onClick={() => set({ spotlight: null })}>
          {t('spotlight.clear')}
        </button>
      </Show>
      <button type="button" class="button" disabled={handsUp() === 0} onClick={lowerHands}>
        {t('hands.clear', { n: handsUp() })}
      </button>
      <LockControl
        scope="meeting"
        path={writePath.notes(meeting.meetingId)}
        what={t('refused.part.meeting')}
      />
      <BoardTimerControls />
      <p class="visually-hidden" aria-live="polite">
        {said()}
      </p>
    </section>
  )
}
