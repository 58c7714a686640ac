import { createMemo, For, Show } from 'solid-js'
import type { MeetingSummary } from '../../../shared/api.ts'
import { agendaSchedule } from '../../../shared/domain/agenda-schedule.ts'
import { readAgenda } from '../../../shared/workspace/agenda.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { createYSnapshot } from '../sync/snapshot.ts'

/** The agenda as the room reads it: start times, titles, who is responsible, done, now. */
export function ProjectorAgenda(props: { meeting: MeetingSummary; currentItemId: string | null }) {
  const group = useGroup()
  const { t } = useI18n()
  const agenda = createYSnapshot(group.doc, () => readAgenda(group.doc, props.meeting.id))
  const schedule = createMemo(() => {
    const start = props.meeting.startTime
    return start
      ? agendaSchedule(
          start,
          agenda.value.map((item) => item.minutes),
        )
      : null
  })
  return (
    <Show
      when={agenda.value.length > 0}
      fallback={<p class="projector-empty">{t('projector.emptyAgenda')}</p>}
    >
      <ol
        class="projector-agenda"
        classList={{ numbered: !schedule() }}
        data-testid="projector-agenda"
      >
        <For each={agenda.value}>
          {(item, index) => (
            <li
              classList={{ done: item.done, current: item.id === props.currentItemId }}
              aria-current={item.id === props.currentItemId ? 'step' : undefined}
            >
              <span class="projector-agenda-time">
                {schedule()?.starts[index()] ?? `${index() + 1}.`}
              </span>
              <span class="projector-agenda-title">
                {item.title || t('agenda.untitled')}
                <Show when={group.organisation(item.responsibleOrganisationId)}>
                  {(org) => <span class="projector-agenda-org"> · {org().name}</span>}
                </Show>
              </span>
              <span class="projector-agenda-meta">
                <Show when={item.id === props.currentItemId}>
                  <span class="tag">{t('agenda.now')}</span>{' '}
                </Show>
                <Show when={item.done}>
                  <span class="tag done-tag">{t('agenda.done')}</span>{' '}
                </Show>
                {t('projector.minutes', { n: item.minutes })}
              </span>
            </li>
          )}
        </For>
      </ol>
    </Show>
  )
}
