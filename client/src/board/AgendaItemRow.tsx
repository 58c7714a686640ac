import { For, Show } from 'solid-js'
import type { MeetingSummary } from '../../../shared/api.ts'
import {
  fieldId,
  getAgendaItemTitle,
  updateAgendaItem,
  type AgendaItem,
} from '../../../shared/workspace/index.ts'
import { useGroup } from '../app/group-context.tsx'
import { YTextField } from '../components/YTextField.tsx'
import { useI18n } from '../i18n/context.tsx'
import { CurrentItemControls } from '../meeting/CurrentItemControls.tsx'

/** One agenda item: its place and time, title, minutes, responsible organisation and done. */
export function AgendaItemRow(props: {
  meeting: MeetingSummary
  item: AgendaItem
  index: number
  count: number
  clock: string | undefined
  /** The current item: the facilitator's while the meeting is led ('step'), else the clock's ('time'). */
  current: 'step' | 'time' | undefined
  /** While led, the item the clock plan says runs now (a hint beside the facilitator's). */
  clockHint: boolean
  editable: boolean
  onKeyDown: (event: KeyboardEvent) => void
  onMove: (to: 'up' | 'down') => void
  onRemove: () => void
}) {
  const group = useGroup()
  const { t } = useI18n()
  const update = (patch: Parameters<typeof updateAgendaItem>[3]) =>
    updateAgendaItem(group.doc, props.meeting.id, props.item.id, patch)
  const responsible = () => group.organisation(props.item.responsibleOrganisationId)?.name
  return (
    <li
      class="agenda-item"
      classList={{ done: props.item.done, running: !!props.current }}
      aria-current={props.current}
      data-testid="agenda-item"
      data-item={props.item.id}
      onKeyDown={(event) => props.onKeyDown(event)}
    >
      <div class="agenda-when">
        <span class="agenda-number" aria-hidden="true">
          {props.index + 1}
        </span>
        <Show when={props.clock}>
          {(time) => (
            <time class="agenda-clock" data-testid="agenda-clock">
              {time()}
            </time>
          )}
        </Show>
        <Show when={props.current}>
          <span class="tag agenda-now" data-testid="agenda-now">
            {t('agenda.now')}
          </span>
        </Show>
        <Show when={props.clockHint}>
          <span class="agenda-clock-hint" data-testid="agenda-clock-hint">
            {t('agenda.byClock')}
          </span>
        </Show>
      </div>
      <YTextField
        text={getAgendaItemTitle(group.doc, props.meeting.id, props.item.id)}
        label={t('agenda.itemTitle', { n: props.index + 1 })}
        hideLabel
        meetingId={props.meeting.id}
        field={fieldId.agendaTitle(props.item.id)}
        class="agenda-title"
        testId="agenda-title"
        readOnly={!props.editable}
      />
      <div class="agenda-controls">
        <Show
          when={!group.readOnly}
          fallback={
            <p class="agenda-facts" data-testid="agenda-facts">
              {t('agenda.minutesText', { n: props.item.minutes })}
              <Show when={responsible()}>
                {(name) => ` · ${t('agenda.responsible')}: ${name()}`}
              </Show>
              <Show when={props.item.done}> · {t('agenda.done')}</Show>
            </p>
          }
        >
          <label class="inline">
            <span>{t('agenda.minutes')}</span>
            <input
              type="number"
              min="0"
              max="600"
              step="5"
              value={props.item.minutes}
              readOnly={!props.editable}
              onChange={(e) => update({ minutes: Number(e.currentTarget.value) || 0 })}
            />
          </label>
          <label class="inline">
            <span>{t('agenda.responsible')}</span>
            <select
              disabled={!props.editable}
              value={props.item.responsibleOrganisationId ?? ''}
              onChange={(e) => update({ responsibleOrganisationId: e.currentTarget.value || null })}
            >
              <option value="">{t('agenda.responsibleNone')}</option>
              <For each={group.group()?.organisations ?? []}>
                {(org) => <option value={org.id}>{org.name}</option>}
              </For>
            </select>
          </label>
          <label class="inline check">
            <input
              type="checkbox"
              checked={props.item.done}
              disabled={!props.editable}
              onChange={(e) => update({ done: e.currentTarget.checked })}
            />
            <span>{t('agenda.done')}</span>
          </label>
        </Show>
        <CurrentItemControls item={props.item} current={props.current === 'step'} />
        <Show when={props.editable}>
          <div class="button-row">
            <button
              type="button"
              class="icon-button"
              aria-label={`${t('agenda.up')}: ${props.item.title}`}
              disabled={props.index === 0}
              onClick={() => props.onMove('up')}
            >
              ↑
            </button>
            <button
              type="button"
              class="icon-button"
              aria-label={`${t('agenda.down')}: ${props.item.title}`}
              disabled={props.index === props.count - 1}
              onClick={() => props.onMove('down')}
            >
              ↓
            </button>
            <button
              type="button"
              class="icon-button danger"
              aria-label={`${t('agenda.remove')}: ${props.item.title}`}
              onClick={() => props.onRemove()}
            >
              ✕
            </button>
          </div>
        </Show>
      </div>
    </li>
  )
}
