import { For, Index } from 'solid-js'
import { meetingKindLabels } from '../../../shared/domain/labels.ts'
import { meetingKinds, type MeetingKind } from '../../../shared/domain/meeting-kind.ts'
import type { MeetingPlanEntry } from '../../../shared/rounds-api.ts'
import { useI18n } from '../i18n/context.tsx'
import { errorAttributes, FieldError } from './ErrorSummary.tsx'
import { fieldId, focusSoon, type FieldErrors } from './field-errors.ts'

/**
 * A round's meeting plan: the meetings in order, each a kind and the date the groups start
 * from. Moved with buttons (not dragged), so the keyboard and a screen reader can do all of
 * it; after a move, focus follows the moved meeting's own button, and a live region says
 * where it went.
 */
export function MeetingPlanEditor(props: {
  form: string
  plan: readonly MeetingPlanEntry[]
  onChange: (plan: MeetingPlanEntry[]) => void
  errors: FieldErrors
  announce: (text: string) => void
}) {
  const { t, l } = useI18n()
  const field = (index: number, part: string) => `meetingPlan.${index}.${part}`
  const kindName = (kind: MeetingKind) => l(meetingKindLabels[kind])

  const set = (index: number, entry: Partial<MeetingPlanEntry>) =>
    props.onChange(props.plan.map((each, at) => (at === index ? { ...each, ...entry } : each)))

  const move = (index: number, by: -1 | 1, button: 'up' | 'down') => {
    const to = index + by
    if (to < 0 || to >= props.plan.length) return
    const next = [...props.plan]
    const [moved] = next.splice(index, 1)
    if (!moved) return
    next.splice(to, 0, moved)
    props.onChange(next)
    props.announce(
      t('rounds.plan.moved', { kind: kindName(moved.kind), n: to + 1, total: next.length }),
    )
    // The same button on the meeting's new row; at an end, the other direction's.
    const atEnd = (button === 'up' && to === 0) || (button === 'down' && to === next.length - 1)
    focusSoon(`${props.form}-plan-${to}-${atEnd ? (button === 'up' ? 'down' : 'up') : button}`)
  }

  const remove = (index: number) => {
    const removed = props.plan[index]
    if (!removed || props.plan.length <= 1) return
    props.onChange(props.plan.filter((_, at) => at !== index))
    props.announce(t('rounds.plan.removed', { kind: kindName(removed.kind) }))
    focusSoon(fieldId(props.form, field(Math.min(index, props.plan.length - 1), 'kind')))
  }

  const add = () => {
    props.onChange([...props.plan, { kind: 'extra', date: null }])
    props.announce(t('rounds.plan.added'))
    focusSoon(fieldId(props.form, field(props.plan.length - 1, 'kind')))
  }

  return (
    <fieldset class="plan-editor" id={fieldId(props.form, 'meetingPlan')} tabindex="-1">
      <legend>{t('rounds.plan.legend')}</legend>
      <p class="hint">{t('rounds.plan.hint')}</p>
      <FieldError form={props.form} field="meetingPlan" errors={props.errors} />
      <ol class="plan-list">
        <Index each={props.plan}>
          {(entry, index) => (
            <li class="plan-row" data-testid="plan-row">
              <div class="field">
                <label for={fieldId(props.form, field(index, 'kind'))}>
                  {t('rounds.plan.kind', { n: index + 1 })}
                </label>
                <select
                  id={fieldId(props.form, field(index, 'kind'))}
                  value={entry().kind}
                  onChange={(event) =>
                    set(index, { kind: event.currentTarget.value as MeetingKind })
                  }
                >
                  <For each={meetingKinds}>
                    {(kind) => <option value={kind}>{kindName(kind)}</option>}
                  </For>
                </select>
              </div>
              <div class="field">
                <label for={fieldId(props.form, field(index, 'date'))}>
                  {t('rounds.plan.date', { n: index + 1 })}
                </label>
                <input
                  id={fieldId(props.form, field(index, 'date'))}
                  type="date"
                  value={entry().date ?? ''}
                  {...errorAttributes(props.form, field(index, 'date'), props.errors)}
                  onChange={(event) => set(index, { date: event.currentTarget.value || null })}
                />
                <FieldError form={props.form} field={field(index, 'date')} errors={props.errors} />
              </div>
              <div class="plan-buttons">
                <button
                  type="button"
                  class="button"
                  id={`${props.form}-plan-${index}-up`}
                  disabled={index === 0}
                  aria-label={t('rounds.plan.up', { kind: kindName(entry().kind), n: index + 1 })}
                  onClick={() => move(index, -1, 'up')}
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="button"
                  id={`${props.form}-plan-${index}-down`}
                  disabled={index === props.plan.length - 1}
                  aria-label={t('rounds.plan.down', { kind: kindName(entry().kind), n: index + 1 })}
                  onClick={() => move(index, 1, 'down')}
                >
                  ↓
                </button>
                <button
                  type="button"
                  class="button danger"
                  disabled={props.plan.length <= 1}
                  aria-label={t('rounds.plan.remove', {
                    kind: kindName(entry().kind),
                    n: index + 1,
                  })}
                  onClick={() => remove(index)}
                >
                  {t('rounds.plan.removeShort')}
                </button>
              </div>
            </li>
          )}
        </Index>
      </ol>
      <button type="button" class="button" onClick={add}>
        {t('rounds.plan.add')}
      </button>
    </fieldset>
  )
}
