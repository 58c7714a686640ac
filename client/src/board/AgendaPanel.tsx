import { createMemo, createSignal, For, onCleanup, Show } from 'solid-js'
import * as Y from 'yjs'
import type { MeetingSummary } from '../../../shared/api.ts'
import { agendaSchedule, runningAgendaItem } from '../../../shared/domain/agenda-schedule.ts'
import {
  addAgendaItem,
  agendaOf,
  agendaTotalMinutes,
  meetingOf,
  fieldId,
  getAgendaItemTitle,
  moveAgendaItem,
  readAgenda,
  removeAgendaItem,
  updateAgendaItem,
  type AgendaItem,
} from '../../../shared/workspace/index.ts'
import { useGroup } from '../app/group-context.tsx'
import { createNow, localIsoDate, minutesOfDay } from '../app/now.ts'
import { YTextField } from '../components/YTextField.tsx'
import { useI18n } from '../i18n/context.tsx'
import { createYSnapshot } from '../sync/snapshot.ts'

/** The agenda: ordered items with title, minutes, responsible organisation and done. */
export function AgendaPanel(props: { meeting: MeetingSummary }) {
  const group = useGroup()
  const { t } = useI18n()
  const agenda = createYSnapshot(group.doc, () => readAgenda(group.doc, props.meeting.id))
  const [announcement, setAnnouncement] = createSignal('')
  const [canUndo, setCanUndo] = createSignal(false)
  // Only this person's removals can be undone, and only by them (Yjs undo is per origin).
  const removal = Symbol('agenda-removal')
  // meetingOf: the meeting key may hold something other than a map (read defensively).
  const meetingMap = meetingOf(group.doc, props.meeting.id)
  const agendaMap = meetingMap && agendaOf(meetingMap)
  const undo = agendaMap
    ? new Y.UndoManager(agendaMap, { trackedOrigins: new Set([removal]) })
    : null
  onCleanup(() => undo?.destroy())
  const remove = (item: AgendaItem) => {
    group.doc.transact(() => removeAgendaItem(group.doc, props.meeting.id, item.id), removal)
    undo?.stopCapturing()
    setCanUndo(true)
    setAnnouncement(t('agenda.removed'))
  }
  const undoRemoval = () => {
    undo?.undo()
    setCanUndo((undo?.undoStack.length ?? 0) > 0)
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
  const running = createMemo(() => {
    const { startTime, date } = props.meeting
    if (!startTime || date !== localIsoDate(now())) return null
    return runningAgendaItem(startTime, minutes(), minutesOfDay(now()))
  })
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
  const onKeyDown = (item: AgendaItem) => (event: KeyboardEvent) => {
    if (!event.altKey || group.readOnly) return
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault()
      move(item, event.key === 'ArrowUp' ? 'up' : 'down')
    }
  }
  const add = () => {
    const id = addAgendaItem(group.doc, props.meeting.id, { minutes: 15 })
    queueMicrotask(() => document.querySelector<HTMLElement>(`[data-item="${id}"] .ytext`)?.focus())
  }
  const organisations = () => group.group()?.organisations ?? []

  return (
    <div class="agenda">
      <p class="visually-hidden" aria-live="polite">
        {announcement()}
      </p>
      <Show when={!group.readOnly}>
        <p class="hint">{t('agenda.keys')}</p>
      </Show>
      <ol class="agenda-list">
        <For each={agenda.value}>
          {(item, index) => (
            <li
              class="agenda-item"
              classList={{ done: item.done, running: running() === index() }}
              aria-current={running() === index() ? 'time' : undefined}
              data-testid="agenda-item"
              data-item={item.id}
              onKeyDown={onKeyDown(item)}
            >
              <div class="agenda-when">
                <span class="agenda-number" aria-hidden="true">
                  {index() + 1}
                </span>
                <Show when={schedule()?.starts[index()]}>
                  {(time) => (
                    <time class="agenda-clock" data-testid="agenda-clock">
                      {time()}
                    </time>
                  )}
                </Show>
                <Show when={running() === index()}>
                  <span class="tag agenda-now" data-testid="agenda-now">
                    {t('agenda.now')}
                  </span>
                </Show>
              </div>
              <YTextField
                text={getAgendaItemTitle(group.doc, props.meeting.id, item.id)}
                label={t('agenda.itemTitle', { n: index() + 1 })}
                hideLabel
                meetingId={props.meeting.id}
                field={fieldId.agendaTitle(item.id)}
                class="agenda-title"
                testId="agenda-title"
              />
              <div class="agenda-controls">
                <label class="inline">
                  <span>{t('agenda.minutes')}</span>
                  <input
                    type="number"
                    min="0"
                    max="600"
                    step="5"
                    value={item.minutes}
                    readOnly={group.readOnly}
                    onChange={(e) =>
                      updateAgendaItem(group.doc, props.meeting.id, item.id, {
                        minutes: Number(e.currentTarget.value) || 0,
                      })
                    }
                  />
                </label>
                <label class="inline">
                  <span>{t('agenda.responsible')}</span>
                  <select
                    disabled={group.readOnly}
                    value={item.responsibleOrganisationId ?? ''}
                    onChange={(e) =>
                      updateAgendaItem(group.doc, props.meeting.id, item.id, {
                        responsibleOrganisationId: e.currentTarget.value || null,
                      })
                    }
                  >
                    <option value="">{t('agenda.responsibleNone')}</option>
                    <For each={organisations()}>
                      {(org) => <option value={org.id}>{org.name}</option>}
                    </For>
                  </select>
                </label>
                <label class="inline check">
                  <input
                    type="checkbox"
                    checked={item.done}
                    disabled={group.readOnly}
                    onChange={(e) =>
                      updateAgendaItem(group.doc, props.meeting.id, item.id, {
                        done: e.currentTarget.checked,
                      })
                    }
                  />
                  <span>{t('agenda.done')}</span>
                </label>
                <Show when={!group.readOnly}>
                  <div class="button-row">
                    <button
                      type="button"
                      class="icon-button"
                      aria-label={`${t('agenda.up')}: ${item.title}`}
                      disabled={index() === 0}
                      onClick={() => move(item, 'up')}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      class="icon-button"
                      aria-label={`${t('agenda.down')}: ${item.title}`}
                      disabled={index() === agenda.value.length - 1}
                      onClick={() => move(item, 'down')}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      class="icon-button danger"
                      aria-label={`${t('agenda.remove')}: ${item.title}`}
                      onClick={() => remove(item)}
                    >
                      ✕
                    </button>
                  </div>
                </Show>
              </div>
            </li>
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
      <Show when={!group.readOnly}>
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
