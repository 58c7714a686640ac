import { Show } from 'solid-js'
import { useI18n } from '../i18n/context.tsx'
import { useMeeting } from './meeting-context.tsx'

/** While the facilitator leads: "Du följer processledaren", or how to follow again. */
export function FollowStatus() {
  const meeting = useMeeting()
  const { t } = useI18n()
  return (
    <div data-unpainted class="follow-status" role="status" data-testid="follow-status">
      <Show when={meeting.led()}>
        <Show
          when={meeting.following()}
          fallback={
            <p class="not-following">
              {t('follow.notFollowing')}{' '}
              <button type="button" class="button primary" onClick={() => meeting.rejoin()}>
                {t('follow.rejoin')}
              </button>
            </p>
          }
        >
          <p class="following">{t('follow.following')}</p>
        </Show>
      </Show>
    </div>
  )
}
