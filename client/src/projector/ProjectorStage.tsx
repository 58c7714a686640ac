import { lazy, Match, Suspense, Switch } from 'solid-js'
import type { MeetingSummary } from '../../../shared/api.ts'
import type { MeetingPart, Spotlight } from '../../../shared/workspace/control.ts'
import {
  ChecklistItemSpotlight,
  PlanSpotlight,
  QuestionSpotlight,
} from '../meeting/spotlight-views.tsx'
import { ProjectorAgenda } from './ProjectorAgenda.tsx'
import { ProjectorChecklist } from './ProjectorChecklist.tsx'
import { ProjectorMatrix } from './ProjectorMatrix.tsx'
import { ProjectorPlans } from './ProjectorPlans.tsx'
import { useI18n } from '../i18n/context.tsx'

/** The results' reads and chart load when the facilitator first shows them. */
const LazyProjectorResults = lazy(() =>
  import('./ProjectorResults.tsx').then((m) => ({ default: m.ProjectorResults })),
)

/**
 * What the room reads: the spotlight in full when the facilitator set one, else the part
 * on screen (read-only views sized in em, so the stage's auto-fit scales them together).
 */
export function ProjectorStage(props: {
  meeting: MeetingSummary
  part: MeetingPart
  spotlight: Spotlight | null
  currentItemId: string | null
}) {
  const { t } = useI18n()
  return (
    <Switch>
      <Match when={props.spotlight}>
        {(spotlight) => (
          <section
            class="projector-spotlight"
            aria-labelledby="spotlight-heading"
            data-testid="projector-spotlight"
            data-kind={spotlight().kind}
          >
            <Switch>
              <Match when={spotlight().kind === 'question'}>
                <QuestionSpotlight meetingId={props.meeting.id} questionId={spotlight().id} />
              </Match>
              <Match when={spotlight().kind === 'plan'}>
                <PlanSpotlight planId={spotlight().id} />
              </Match>
              <Match when={spotlight().kind === 'checklistItem'}>
                <ChecklistItemSpotlight meeting={props.meeting} itemId={spotlight().id} />
              </Match>
            </Switch>
          </section>
        )}
      </Match>
      <Match when={props.part === 'agenda'}>
        <ProjectorAgenda meeting={props.meeting} currentItemId={props.currentItemId} />
      </Match>
      <Match when={props.part === 'matrix'}>
        <ProjectorMatrix meetingId={props.meeting.id} />
      </Match>
      <Match when={props.part === 'pdsa'}>
        <ProjectorPlans meeting={props.meeting} />
      </Match>
      <Match when={props.part === 'checklist'}>
        <ProjectorChecklist meeting={props.meeting} />
      </Match>
      <Match when={props.part === 'results'}>
        <Suspense fallback={<p aria-busy="true">{t('board.loading')}</p>}>
          <LazyProjectorResults />
        </Suspense>
      </Match>
    </Switch>
  )
}
