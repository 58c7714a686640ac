import { createMemo, createSignal, For, onCleanup, Show } from 'solid-js'
import * as Y from 'yjs'
import type { MeetingSummary } from '../../../shared/api.ts'
import { agendaSchedule, runningAgendaItem } from '../../../shared/domain/agenda-schedule.ts'
import {
  addAgendaItem,
  agendaOf,
  agendaTotalMinutes,
  meetingOf,
  moveAgendaItem,
  readAgenda,
  removeAgendaItem,
  type AgendaItem,
} from '../../../shared/workspace/index.ts'
import { useGroup } from '../app/group-context.tsx'
import { createNow, localIsoDate, minutesOfDay } from '../app/now.ts'
import { useI18n } from '../i18n/context.tsx'
import { currentAgendaIndex } from '../meeting/current-item.ts'
import { useMeeting } from '../meeting/meeting-context.tsx'
import { writePath } from '../meeting/write-access.ts'
import { createYSnapshot } from '../sync/snapshot.ts'
import { AgendaItemRow } from './AgendaItemRow.tsx'

/** The agenda: ordered items with title, minutes, responsible organisation and done. */
export function AgendaPanel(props: { meeting: MeetingSummary }) {
  const group = useGroup()
  const meeting = useMeeting()
  const { t } = useI18n()
  const agenda = createYSnapshot(group.doc, () => readAgenda(group.doc, props.meeting.id))
  const editable = () => meeting.access.may(writePath.agenda(props.meeting.id))
  const [announcement, setAnnouncement] = createSignal('')
  const [canUndo, setCanUndo] = createSignal(false)
  // Only this person's removals can be undone, and only by them (Yjs undo is per origin).
  const removal = Symbol('agenda-removal')
  // One undo manager per meeting's agenda (meetingOf: the meeting key may hold something
  // other than a map, read defensively), released when the meeting or the panel goes.
  const undo = createMemo(() => {
    const meetingMap = meetingOf(group.doc, props.meeting.id)
    const agendaMap = meetingMap && agendaOf(meetingMap)
    if (!agendaMap) return null
    const manager = new Y.UndoManager(agendaMap, { trackedOrigins: new Set([removal]) })
    onCleanup(() => manager.destroy())
    return manager
  })
  const remove = (item: AgendaItem) => {
    const meetingId = props.meeting.id
    group.doc.transact(() => removeAgendaItem(group.doc, meetingId, item.id), removal)
    undo()?.stopCapturing()
    setCanUndo(true)
    setAnnouncement(t('agenda.removed'))
  }
  const undoRemoval = () => {
    undo()?.undo()
    setCanUndo((undo()?.undoStack.length ?? 0) > 0)
  }
  const total = () => agendaTotalMinutes(agenda.value)
  const minutes = () => agenda.value.map((item) => item.minutes)
  // Memos: every item reads them, and each is worked out once per change.
  const schedule = createMemo(() => {
    const start = props.meeting.startTime
    return start ? agendaSchedule(start, minutes()) : null
  })
  // On the meeting's day, the item the schedule says is running now (for keeping time).
  const now = createNow()
  const byClock = createMemo(() => {
    const { startTime, date } = props.meeting
    if (!startTime || date !== localIsoDate(now())) return null
    return runningAgendaItem(startTime, minutes(), minutesOfDay(now()))
  })
  // While the meeting is led the facilitator's "Nu" replaces the clock's; the clock stays a hint.
  const current = createMemo(() =>
    currentAgendaIndex(agenda.value, meeting.led(), meeting.control.value.agendaItemId, byClock()),
  )
  const over = () => total() - props.meeting.durationMinutes

  const move = (item: AgendaItem, to: 'up' | 'down') => {
    moveAgendaItem(group.doc, props.meeting.id, item.id, to)
    const items = readAgenda(group.doc, props.meeting.id)
    const index = items.findIndex((i) => i.id === item.id)
    setAnnouncement(
      t('agenda.moved', {
        title: items[index]?.title || t('agenda.untitled'),
        n: index + 1,
        total: items.length,
      }),
    )
    queueMicrotask(() =>
      document.querySelector<HTMLElement>(`[data-item="${item.id}"] .ytext`)?.focus(),
    )
  }
  const onKeyDown = (item: AgendaItem, event: KeyboardEvent) => {
    if (!event.altKey || !editable()) return
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault()
      move(item, event.key === 'ArrowUp' ? 'up' : 'down')
    }
  }
  const add = () => {
    const id = addAgendaItem(group.doc, props.meeting.id, { minutes: 15 })
    queueMicrotask(() => document.querySelector<HTMLElement>(`[data-item="${id}"] .ytext`)?.focus())
  }

  return (
    <div class="agenda">
      <p class="visually-hidden" aria-live="polite">
        {announcement()}
      </p>
      <Show when={editable()}>
        <p class="hint">{t('agenda.keys')}</p>
      </Show>
      <ol class="agenda-list">
        <For each={agenda.value}>
          {(item, index) => (
            <AgendaItemRow
              meeting={props.meeting}
              item={item}
              index={index()}
              count={agenda.value.length}
              clock={schedule()?.starts[index()]}
              current={current() === index() ? (meeting.led() ? 'step' : 'time') : undefined}
              clockHint={meeting.led() && byClock() === index() && current() !== index()}
              editable={editable()}
              onKeyDown={(event) => onKeyDown(item, event)}
              onMove={(to) => move(item, to)}
              onRemove={() => remove(item)}
            />
          )}
        </For>
      </ol>
      <p class="agenda-total" classList={{ over: over() > 0 }} data-testid="agenda-total">
        {t('agenda.total', { total: total(), n: props.meeting.durationMinutes })}
        <Show when={schedule()}>
          {(times) => (
            <span>
              {' · '}
              {t('agenda.schedule', { start: times().starts[0] ?? times().end, end: times().end })}
            </span>
          )}
        </Show>
        <Show when={over() > 0}>
          <strong> – {t('agenda.over', { n: over() })}</strong>
        </Show>
      </p>
      <Show when={editable()}>
        <div class="actions">
          <button type="button" class="button" onClick={add}>
            {t('agenda.add')}
          </button>
          <Show when={canUndo()}>
            <button type="button" class="button subtle" onClick={undoRemoval}>
              {t('agenda.undo')}
            </button>
          </Show>
        </div>
      </Show>
    </div>
  )
}
