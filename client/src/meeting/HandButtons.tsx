import { Show } from 'solid-js'
import { setHand } from '../../../shared/workspace/hands.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { useMeeting } from './meeting-context.tsx'
import { writePath } from './write-access.ts'

/** Raise one's hand, or say one is done ("klar"): shown to all beside one's name. */
export function HandButtons() {
  const group = useGroup()
  const meeting = useMeeting()
  const { t } = useI18n()
  const me = group.session.participant.id
  const mine = () => meeting.hands.value[me] ?? { raised: false, ready: false }
  const set = (change: { raised?: boolean; ready?: boolean }) =>
    setHand(group.doc, meeting.meetingId, me, {
      raised: change.raised ?? mine().raised,
      ready: change.ready ?? mine().ready,
    })
  return (
    <Show when={meeting.access.may(writePath.hand(meeting.meetingId, me))}>
      <div class="hand-buttons" role="group" aria-label={t('hands.mine')}>
        <button
          type="button"
          class="button"
          classList={{ pressed: mine().raised }}
          aria-pressed={mine().raised}
          onClick={() => set({ raised: !mine().raised })}
        >
          {t('hands.raise')}
        </button>
        <button
          type="button"
          class="button"
          classList={{ pressed: mine().ready }}
          aria-pressed={mine().ready}
          onClick={() => set({ ready: !mine().ready })}
        >
          <span aria-hidden="true">✓</span> {t('hands.ready')}
        </button>
      </div>
    </Show>
  )
}
