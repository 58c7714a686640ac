import { Show } from 'solid-js'
import { setLock, type LockScope } from '../../../shared/workspace/control.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { lockClock } from './lock-text.ts'
import { personName } from '../privacy/person-name.ts'
import { useMeeting } from './meeting-context.tsx'

/**
 * Whether a part is locked and by whom ("Låst av Anna kl. 10.42"), for everyone; for the
 * facilitator also the button that locks or unlocks it. `path` is where the policy looks
 * (a part is also locked by the whole meeting's lock), `scope` what the button locks.
 */
export function LockControl(props: { scope: LockScope; path: readonly string[]; what: string }) {
  const group = useGroup()
  const meeting = useMeeting()
  const { t, locale } = useI18n()
  const lock = () => meeting.access.lockOn(props.path)
  const own = () => meeting.control.value.locks[props.scope]
  const toggle = () =>
    setLock(
      group.doc,
      meeting.meetingId,
      props.scope,
      own()
        ? null
        : {
            byParticipantId: group.session.participant.id,
            byName: group.session.participant.displayName,
            at: Date.now(),
          },
    )
  return (
    <span class="lock-control">
      <Show when={lock()}>
        {(current) => (
          <span class="lock-badge" data-testid="lock-badge">
            {t('lock.by', {
              name: personName(current().byName, t),
              time: lockClock(current().at, locale()),
            })}
          </span>
        )}
      </Show>
      <Show when={meeting.leads}>
        <button type="button" class="button subtle lock-toggle" onClick={toggle}>
          {own() ? t('lock.unlock', { what: props.what }) : t('lock.lock', { what: props.what })}
        </button>
      </Show>
    </span>
  )
}
