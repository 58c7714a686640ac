import { useParams } from '@solidjs/router'
import { createMemo, Show } from 'solid-js'
import { meetingKindLabels } from '../../../shared/domain/labels.ts'
import { readAgenda } from '../../../shared/workspace/agenda.ts'
import { MeetingPart } from '../../../shared/workspace/control.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { partLabel } from '../meeting/board-parts.ts'
import { createHands, createMeetingControl } from '../meeting/control-store.ts'
import { TimerDisplay } from '../meeting/TimerDisplay.tsx'
import { createServerClock } from '../sync/server-clock.ts'
import { createYSnapshot } from '../sync/snapshot.ts'
import { FitBox } from './FitBox.tsx'
import { JoinQr } from './JoinQr.tsx'
import { ProjectorStage } from './ProjectorStage.tsx'
import { RoomPanel } from './RoomPanel.tsx'
import '../styles/projector.css'
import { MeetingGone } from '../meetings/MeetingGone.tsx'

/**
 * The projector's screen for one meeting: read-only, no editing chrome, large type that
 * fits the screen. It follows the facilitator's control state while they lead (part,
 * current item, spotlight) and shows the agenda otherwise; beside it the timer, the QR
 * code to join from a phone, who is here and raised hands. A viewer link is enough to run it.
 */
export function ProjectorView() {
  const params = useParams<{ meetingId: string }>()
  const group = useGroup()
  const { t, l } = useI18n()
  const clock = createServerClock()
  const control = createMeetingControl(group.doc, params.meetingId)
  const hands = createHands(group.doc, params.meetingId)
  const meeting = createMemo(() => group.group()?.meetings.find((m) => m.id === params.meetingId))
  const agenda = createYSnapshot(group.doc, () => readAgenda(group.doc, params.meetingId))
  const part = () => (control.value.led ? (control.value.part ?? MeetingPart.Agenda) : 'agenda')
  const currentItem = createMemo(() => {
    const id = control.value.led ? control.value.agendaItemId : null
    const index = agenda.value.findIndex((item) => item.id === id)
    return index < 0 ? null : { index, item: agenda.value[index]! }
  })
  // Type sized to the screen's height: about 19 lines of stage, 36 of side panel at most.
  const stageFit = { min: 14, max: () => Math.round(window.innerHeight / 19) }
  const sideFit = { min: 12, max: () => Math.round(window.innerHeight / 36) }

  return (
    <Show when={group.group()} fallback={<p aria-busy="true">{t('board.loading')}</p>}>
      <Show when={meeting()} fallback={<MeetingGone room={group.room} />}>
        {(current) => (
          <div class="projector" data-testid="projector" data-part={part()}>
            <header class="projector-top">
              <div class="projector-heading">
                <p class="projector-meeting">
                  {group.group()?.group.name} ·{' '}
                  {current().title || l(meetingKindLabels[current().kind])}
                </p>
                <h1 data-testid="projector-part">{t(partLabel[part()])}</h1>
                <Show when={currentItem()}>
                  {(now) => (
                    <p class="projector-item" data-testid="projector-item">
                      {t('projector.item', {
                        n: now().index + 1,
                        total: agenda.value.length,
                        title: now().item.title || t('agenda.untitled'),
                      })}
                    </p>
                  )}
                </Show>
              </div>
              <TimerDisplay timer={control.value.timer} now={clock.now} playSound large />
            </header>
            <FitBox class="projector-stage" fit={stageFit}>
              <ProjectorStage
                meeting={current()}
                part={part()}
                spotlight={control.value.led ? control.value.spotlight : null}
                currentItemId={currentItem()?.item.id ?? null}
              />
            </FitBox>
            <FitBox class="projector-side" as="aside" fit={sideFit} label={t('projector.side')}>
              <JoinQr meetingId={current().id} joinLink={control.value.joinLink} now={clock.now} />
              <RoomPanel meetingId={current().id} hands={hands.value} />
            </FitBox>
          </div>
        )}
      </Show>
    </Show>
  )
}
