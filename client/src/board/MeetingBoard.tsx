import { useParams, useSearchParams } from '@solidjs/router'
import { createMemo, For, Match, Show, Switch } from 'solid-js'
import { meetingKindLabels } from '../../../shared/domain/labels.ts'
import type { MessageKey } from '../../../shared/i18n/index.ts'
import { readMeeting } from '../../../shared/workspace/index.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { createYSnapshot } from '../sync/snapshot.ts'
import { AgendaPanel } from './AgendaPanel.tsx'
import { ChecklistPanel } from './ChecklistPanel.tsx'
import { MatrixPanel } from './MatrixPanel.tsx'
import { PdsaPanel } from './PdsaPanel.tsx'

const parts = [
  { id: 'agenda', label: 'board.agenda' },
  { id: 'matris', label: 'board.matrix' },
  { id: 'pdsa', label: 'board.pdsa' },
  { id: 'checklista', label: 'board.checklist' },
] as const satisfies readonly { id: string; label: MessageKey }[]
type Part = (typeof parts)[number]['id']

/** `/g/:room/m/:meetingId?del=…`: the meeting's four co-edited parts, deep-linkable. */
export function MeetingBoard() {
  const params = useParams<{ meetingId: string }>()
  const [search] = useSearchParams<{ del?: string }>()
  const group = useGroup()
  const { t, l } = useI18n()
  const part = (): Part =>
    parts.some((p) => p.id === search.del) ? (search.del as Part) : 'agenda'
  const meeting = createMemo(() => group.group()?.meetings.find((m) => m.id === params.meetingId))
  const structure = createYSnapshot(group.doc, () => readMeeting(group.doc, params.meetingId))
  const previousMeetingId = createMemo(() => {
    const meetings = group.group()?.meetings ?? []
    const index = meetings.findIndex((m) => m.id === params.meetingId)
    return index > 0 ? (meetings[index - 1]?.id ?? null) : null
  })
  const href = (id: Part) =>
    `/g/${encodeURIComponent(group.room)}/m/${encodeURIComponent(params.meetingId)}?del=${id}`

  return (
    <Show when={group.group()} fallback={<p aria-busy="true">{t('board.loading')}</p>}>
      <Show when={meeting()} fallback={<p role="alert">{t('board.notFound')}</p>}>
        {(current) => (
          <div class="board">
            <h1>{current().title || l(meetingKindLabels[current().kind])}</h1>
            <nav class="tabs" aria-label={t('board.parts')}>
              <ul>
                <For each={parts}>
                  {(p) => (
                    <li>
                      <a href={href(p.id)} aria-current={part() === p.id ? 'page' : undefined}>
                        {t(p.label)}
                      </a>
                    </li>
                  )}
                </For>
              </ul>
            </nav>
            <Show when={structure.value} fallback={<p aria-busy="true">{t('board.loading')}</p>}>
              <section class="board-part" aria-labelledby="part-heading">
                <h2 id="part-heading">{t(parts.find((p) => p.id === part())!.label)}</h2>
                <Switch>
                  <Match when={part() === 'agenda'}>
                    <AgendaPanel meeting={current()} />
                  </Match>
                  <Match when={part() === 'matris'}>
                    <MatrixPanel meetingId={current().id} />
                  </Match>
                  <Match when={part() === 'pdsa'}>
                    <PdsaPanel meetingId={current().id} previousMeetingId={previousMeetingId()} />
                  </Match>
                  <Match when={part() === 'checklista'}>
                    <ChecklistPanel meeting={current()} />
                  </Match>
                </Switch>
              </section>
            </Show>
          </div>
        )}
      </Show>
    </Show>
  )
}
