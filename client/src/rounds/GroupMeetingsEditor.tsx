import { For, Index, Show } from 'solid-js'
import { meetingKindLabels } from '../../../shared/domain/labels.ts'
import { meetingKinds, type MeetingKind } from '../../../shared/domain/meeting-kind.ts'
import { useI18n } from '../i18n/context.tsx'
import { errorAttributes, FieldError } from './ErrorSummary.tsx'
import { fieldId, focusSoon, type FieldErrors } from './field-errors.ts'
import type { ChosenOrganisation, DraftMeeting } from './group-draft.ts'

/**
 * A group's meetings: the date and the host organisation of each (the round's plan gives
 * the kinds and first dates). A meeting not saved yet can change kind or go; one the group
 * has is moved, archived or deleted from the group's own pages.
 */
export function GroupMeetingsEditor(props: {
  form: string
  meetings: readonly DraftMeeting[]
  organisations: readonly ChosenOrganisation[]
  onChange: (meetings: DraftMeeting[]) => void
  errors: FieldErrors
  announce: (text: string) => void
}) {
  const { t, l } = useI18n()
  const field = (index: number, part: string) => `meetings.${index}.${part}`
  const kindName = (kind: MeetingKind) => l(meetingKindLabels[kind])
  const set = (index: number, change: Partial<DraftMeeting>) =>
    props.onChange(props.meetings.map((each, at) => (at === index ? { ...each, ...change } : each)))
  const add = () => {
    props.onChange([...props.meetings, { kind: 'extra', date: null, hostKey: null, added: true }])
    props.announce(t('rounds.plan.added'))
    focusSoon(fieldId(props.form, field(props.meetings.length - 1, 'kind')))
  }
  const remove = (index: number) => {
    const removed = props.meetings[index]
    if (!removed) return
    props.onChange(props.meetings.filter((_, at) => at !== index))
    props.announce(t('rounds.plan.removed', { kind: kindName(removed.kind) }))
    focusSoon(`${props.form}-add-meeting`)
  }

  return (
    <fieldset class="group-meetings-editor" id={fieldId(props.form, 'meetings')} tabindex="-1">
      <legend>{t('rounds.groupForm.meetings')}</legend>
      <p class="hint">{t('rounds.groupForm.meetingsHint')}</p>
      <FieldError form={props.form} field="meetings" errors={props.errors} />
      <ol class="plan-list">
        <Index each={props.meetings}>
          {(meeting, index) => (
            <li class="plan-row meeting-row" data-testid="meeting-row">
              <fieldset>
                <legend>
                  {t('rounds.groupForm.meetingLegend', {
                    n: index + 1,
                    kind: kindName(meeting().kind),
                  })}
                </legend>
                <div class="meeting-fields">
                  <Show when={meeting().added}>
                    <div class="field">
                      <label for={fieldId(props.form, field(index, 'kind'))}>
                        {t('rounds.groupForm.kind')}
                      </label>
                      <select
                        id={fieldId(props.form, field(index, 'kind'))}
                        value={meeting().kind}
                        onChange={(event) =>
                          set(index, { kind: event.currentTarget.value as MeetingKind })
                        }
                      >
                        <For each={meetingKinds}>
                          {(kind) => <option value={kind}>{kindName(kind)}</option>}
                        </For>
                      </select>
                    </div>
                  </Show>
                  <div class="field">
                    <label for={fieldId(props.form, field(index, 'date'))}>
                      {t('rounds.groupForm.date')}
                    </label>
                    <FieldError
                      form={props.form}
                      field={field(index, 'date')}
                      errors={props.errors}
                    />
                    <input
                      id={fieldId(props.form, field(index, 'date'))}
                      type="date"
                      value={meeting().date ?? ''}
                      {...errorAttributes(props.form, field(index, 'date'), props.errors)}
                      onChange={(event) => set(index, { date: event.currentTarget.value || null })}
                    />
                  </div>
                  <div class="field">
                    <label for={fieldId(props.form, field(index, 'hostIndex'))}>
                      {t('rounds.groupForm.host')}
                    </label>
                    <FieldError
                      form={props.form}
                      field={field(index, 'hostIndex')}
                      errors={props.errors}
                    />
                    <select
                      id={fieldId(props.form, field(index, 'hostIndex'))}
                      value={meeting().hostKey ?? ''}
                      {...errorAttributes(props.form, field(index, 'hostIndex'), props.errors)}
                      onChange={(event) =>
                        set(index, { hostKey: event.currentTarget.value || null })
                      }
                    >
                      <option value="">{t('rounds.groupForm.noHost')}</option>
                      <For each={props.organisations}>
                        {(organisation) => (
                          <option value={organisation.key}>{organisation.name}</option>
                        )}
                      </For>
                    </select>
                  </div>
                  <Show when={!meeting().id}>
                    <div class="plan-buttons">
                      <button
                        type="button"
                        class="button danger"
                        aria-label={t('rounds.plan.remove', {
                          kind: kindName(meeting().kind),
                          n: index + 1,
                        })}
                        onClick={() => remove(index)}
                      >
                        {t('rounds.plan.removeShort')}
                      </button>
                    </div>
                  </Show>
                </div>
              </fieldset>
            </li>
          )}
        </Index>
      </ol>
      <button type="button" class="button" id={`${props.form}-add-meeting`} onClick={add}>
        {t('rounds.plan.add')}
      </button>
    </fieldset>
  )
}
