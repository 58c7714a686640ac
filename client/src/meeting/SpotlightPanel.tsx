import { Match, Show, Switch } from 'solid-js'
import type { MeetingSummary } from '../../../shared/api.ts'
import { useI18n } from '../i18n/context.tsx'
import { useMeeting } from './meeting-context.tsx'
import { ChecklistItemSpotlight, PlanSpotlight, QuestionSpotlight } from './spotlight-views.tsx'

/**
 * What the facilitator put in the spotlight, large, above the board: shown to those who
 * follow (and to the facilitator, who sees what the room sees) while the meeting is led.
 */
export function SpotlightPanel(props: { meeting: MeetingSummary }) {
  const meeting = useMeeting()
  const { t } = useI18n()
  const spotlight = () =>
    meeting.led() && (meeting.following() || meeting.leads) ? meeting.control.value.spotlight : null
  return (
    <Show when={spotlight()}>
      {(current) => (
        <section
          id="spotlight"
          class="spotlight"
          aria-labelledby="spotlight-heading"
          data-testid="spotlight"
        >
          <p class="spotlight-kicker">{t('spotlight.title')}</p>
          <Switch>
            <Match when={current().kind === 'question'}>
              <QuestionSpotlight meetingId={meeting.meetingId} questionId={current().id} />
            </Match>
            <Match when={current().kind === 'plan'}>
              <PlanSpotlight planId={current().id} />
            </Match>
            <Match when={current().kind === 'checklistItem'}>
              <ChecklistItemSpotlight meeting={props.meeting} itemId={current().id} />
            </Match>
          </Switch>
        </section>
      )}
    </Show>
  )
}
