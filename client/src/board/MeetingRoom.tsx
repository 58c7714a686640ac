import { useNavigate, useSearchParams } from '@solidjs/router'
import { Match, Show, Suspense, Switch } from 'solid-js'
import type { MeetingSummary } from '../../../shared/api.ts'
import { meetingKindLabels } from '../../../shared/domain/labels.ts'
import { readMeeting } from '../../../shared/workspace/index.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { boardTabs, partOfTab, tabOf, tabOfPart, type BoardTab } from '../meeting/board-parts.ts'
import { MeetingBar } from '../meeting/MeetingBar.tsx'
import { MeetingContext } from '../meeting/meeting-context.tsx'
import { createMeetingState } from '../meeting/meeting-state.ts'
import { PartLock } from '../meeting/PartLock.tsx'
import { SpotlightPanel } from '../meeting/SpotlightPanel.tsx'
import { createPaintedBoard } from '../painted/create-painted-board.ts'
import { createYSnapshot } from '../sync/snapshot.ts'
import { AgendaPanel } from './AgendaPanel.tsx'
import { BoardTabs } from './BoardTabs.tsx'
import { ExportLinks } from '../exports/ExportLinks.tsx'
import { ChecklistPanel } from './ChecklistPanel.tsx'
import { MatrixPanel } from './MatrixPanel.tsx'
import { PdsaPanel } from './PdsaPanel.tsx'
import { LazyGroupResultsView } from '../results/LazyGroupResults.tsx'

/** One meeting's board: its bar (lead, follow, hands), tabs, spotlight and the open part. */
export function MeetingRoom(props: {
  meetingId: string
  meeting: MeetingSummary
  previousMeetingId: string | null
}) {
  const group = useGroup()
  const { t, l } = useI18n()
  const [search] = useSearchParams<{ del?: string }>()
  const navigate = useNavigate()
  const tab = (): BoardTab => tabOf(search.del)
  const href = (to: BoardTab) =>
    `/g/${encodeURIComponent(group.room)}/m/${encodeURIComponent(props.meetingId)}?del=${to}`
  // The parent keys this component by meeting id: one meeting's state for its lifetime.
  // eslint-disable-next-line solid/reactivity
  const meetingId = props.meetingId
  const meeting = createMeetingState(
    group,
    meetingId,
    () => partOfTab(tab()),
    (part) => {
      const to = tabOfPart(part)
      if (to !== tab()) navigate(href(to), { replace: true, scroll: false })
    },
  )
  const structure = createYSnapshot(group.doc, () => readMeeting(group.doc, props.meetingId))
  const label = () => boardTabs.find((p) => p.id === tab())!.label
  createPaintedBoard(group)

  return (
    <MeetingContext.Provider value={meeting}>
      <div class="board">
        <h1>{props.meeting.title || l(meetingKindLabels[props.meeting.kind])}</h1>
        <MeetingBar />
        <BoardTabs current={tab()} href={href} />
        <SpotlightPanel meeting={props.meeting} />
        <Show when={structure.value} fallback={<p aria-busy="true">{t('board.loading')}</p>}>
          <section class="board-part" aria-labelledby="part-heading">
            <div class="part-heading">
              <h2 id="part-heading">{t(label())}</h2>
              <PartLock tab={tab()} meeting={props.meeting} />
            </div>
            <Switch>
              <Match when={tab() === 'agenda'}>
                <AgendaPanel meeting={props.meeting} />
              </Match>
              <Match when={tab() === 'matris'}>
                <MatrixPanel meetingId={props.meetingId} />
              </Match>
              <Match when={tab() === 'pdsa'}>
                <PdsaPanel
                  meetingId={props.meetingId}
                  previousMeetingId={props.previousMeetingId}
                />
              </Match>
              <Match when={tab() === 'checklista'}>
                <ChecklistPanel meeting={props.meeting} />
              </Match>
              <Match when={tab() === 'resultat'}>
                {/* Read-only for everyone: what the scores and plans add up to, live. */}
                <div class="board-results" data-testid="board-results">
                  <Suspense fallback={<p aria-busy="true">{t('board.loading')}</p>}>
                    <LazyGroupResultsView level={3} />
                  </Suspense>
                </div>
              </Match>
            </Switch>
          </section>
        </Show>
        <ExportLinks meetingId={props.meetingId} print />
      </div>
    </MeetingContext.Provider>
  )
}
