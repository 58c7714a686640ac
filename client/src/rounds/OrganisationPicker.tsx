import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js'
import { groupMemberRoleLabels, organisationKindLabels } from '../../../shared/domain/labels.ts'
import { GroupMemberRole } from '../../../shared/domain/organisation.ts'
import {
  handAddedOrganisationKinds,
  type HandAddedOrganisationKind,
} from '../../../shared/rounds-api.ts'
import { useI18n } from '../i18n/context.tsx'
import { FieldError } from './ErrorSummary.tsx'
import { fieldId, focusSoon, type FieldErrors } from './field-errors.ts'
import { handChoice, handKey, officialChoice, type ChosenOrganisation } from './group-draft.ts'
import { OrganisationCombobox } from './OrganisationCombobox.tsx'

const memberRoles = Object.values(GroupMemberRole)

/**
 * A group's organisations: benchmarking ones and the mentor picked from the official list
 * by typing, others (kommunförbund, stadsdel, förvaltning) added by hand, each with its
 * role, which can be changed, and a button to take it out again.
 */
export function OrganisationPicker(props: {
  form: string
  chosen: readonly ChosenOrganisation[]
  onChange: (chosen: ChosenOrganisation[]) => void
  errors: FieldErrors
  announce: (text: string) => void
}) {
  const { t, l } = useI18n()
  const id = createUniqueId()
  const taken = createMemo(
    () =>
      new Set(
        props.chosen.flatMap((organisation) =>
          organisation.municipalityCode ? [organisation.municipalityCode] : [],
        ),
      ),
  )
  const [handName, setHandName] = createSignal('')
  const [handKind, setHandKind] = createSignal<HandAddedOrganisationKind>('kommunforbund')
  const [handRole, setHandRole] = createSignal<GroupMemberRole>('benchmarking')
  const [handProblem, setHandProblem] = createSignal<string | null>(null)
  const roleName = (role: GroupMemberRole) => l(groupMemberRoleLabels[role])

  const add = (organisation: ChosenOrganisation) => {
    props.onChange([...props.chosen, organisation])
    props.announce(
      t('rounds.picker.added', {
        name: organisation.name,
        role: roleName(organisation.memberRole),
      }),
    )
  }

  const addByHand = () => {
    const name = handName().trim()
    if (name === '') {
      setHandProblem(t('rounds.picker.handNameMissing'))
      return document.getElementById(`${id}-hand-name`)?.focus()
    }
    if (props.chosen.some((organisation) => organisation.key === handKey(handKind(), name))) {
      setHandProblem(t('rounds.picker.handTwice', { name }))
      return document.getElementById(`${id}-hand-name`)?.focus()
    }
    setHandProblem(null)
    add(handChoice(name, handKind(), handRole()))
    setHandName('')
    document.getElementById(`${id}-hand-name`)?.focus()
  }

  const setRole = (key: string, memberRole: GroupMemberRole) =>
    props.onChange(
      props.chosen.map((organisation) =>
        organisation.key === key ? { ...organisation, memberRole } : organisation,
      ),
    )

  const remove = (index: number) => {
    const removed = props.chosen[index]
    if (!removed) return
    const rest = props.chosen.filter((_, at) => at !== index)
    props.onChange(rest)
    props.announce(t('rounds.picker.removed', { name: removed.name }))
    // Focus stays in the list: the next organisation's role, else the first search field.
    focusSoon(
      rest.length > 0
        ? fieldId(props.form, `organisations.${Math.min(index, rest.length - 1)}`)
        : `${id}-benchmarking-input`,
    )
  }

  return (
    <fieldset class="organisation-picker" id={fieldId(props.form, 'organisations')} tabindex="-1">
      <legend>{t('rounds.picker.legend')}</legend>
      <p class="hint">{t('rounds.picker.hint')}</p>
      <FieldError form={props.form} field="organisations" errors={props.errors} />
      <div class="picker-searches">
        <OrganisationCombobox
          label={t('rounds.picker.benchmarking')}
          hint={t('rounds.picker.searchHint')}
          taken={taken()}
          onPick={(organisation) => add(officialChoice(organisation, 'benchmarking'))}
          testId="pick-benchmarking"
          inputId={`${id}-benchmarking-input`}
        />
        <OrganisationCombobox
          label={t('rounds.picker.mentor')}
          hint={t('rounds.picker.searchHint')}
          taken={taken()}
          onPick={(organisation) =>
            add(
              officialChoice(
                organisation,
                props.chosen.some((each) => each.memberRole === 'mentor')
                  ? 'supporting_mentor'
                  : 'mentor',
              ),
            )
          }
          testId="pick-mentor"
        />
      </div>
      <details class="hand-add">
        <summary>{t('rounds.picker.handSummary')}</summary>
        <div class="form-grid">
          <div class="field">
            <label for={`${id}-hand-name`}>{t('rounds.picker.handName')}</label>
            <Show when={handProblem()}>
              <span id={`${id}-hand-error`} class="error">
                {handProblem()}
              </span>
            </Show>
            <input
              id={`${id}-hand-name`}
              type="text"
              maxlength={120}
              value={handName()}
              aria-invalid={handProblem() ? true : undefined}
              aria-describedby={handProblem() ? `${id}-hand-error` : undefined}
              onInput={(event) => setHandName(event.currentTarget.value)}
              onKeyDown={(event) => {
                // Enter adds this organisation; it does not send the whole group's form.
                if (event.key !== 'Enter') return
                event.preventDefault()
                addByHand()
              }}
            />
          </div>
          <div class="field">
            <label for={`${id}-hand-kind`}>{t('rounds.picker.handKind')}</label>
            <select
              id={`${id}-hand-kind`}
              value={handKind()}
              onChange={(event) =>
                setHandKind(event.currentTarget.value as HandAddedOrganisationKind)
              }
            >
              <For each={handAddedOrganisationKinds}>
                {(kind) => <option value={kind}>{l(organisationKindLabels[kind])}</option>}
              </For>
            </select>
          </div>
          <div class="field">
            <label for={`${id}-hand-role`}>{t('rounds.picker.role')}</label>
            <select
              id={`${id}-hand-role`}
              value={handRole()}
              onChange={(event) => setHandRole(event.currentTarget.value as GroupMemberRole)}
            >
              <For each={memberRoles}>
                {(role) => <option value={role}>{roleName(role)}</option>}
              </For>
            </select>
          </div>
        </div>
        <button type="button" class="button" onClick={addByHand}>
          {t('rounds.picker.handAdd')}
        </button>
      </details>
      <h3 class="chosen-heading">{t('rounds.picker.chosen', { n: props.chosen.length })}</h3>
      <Show
        when={props.chosen.length > 0}
        fallback={<p class="hint">{t('rounds.picker.noneChosen')}</p>}
      >
        <ul class="chosen-list" data-testid="chosen-organisations">
          <For each={props.chosen}>
            {(organisation, index) => (
              <li class={`chosen ${organisation.memberRole}`}>
                <div class="chosen-name">
                  <span class="org-name">{organisation.name}</span>
                  <span class="org-kind">
                    {l(organisationKindLabels[organisation.kind])}
                    {organisation.municipalityCode ? ` ${organisation.municipalityCode}` : ''}
                  </span>
                  <FieldError
                    form={props.form}
                    field={`organisations.${index()}`}
                    errors={props.errors}
                  />
                </div>
                <div class="field chosen-role">
                  <label for={fieldId(props.form, `organisations.${index()}`)}>
                    {t('rounds.picker.roleFor', { name: organisation.name })}
                  </label>
                  <select
                    id={fieldId(props.form, `organisations.${index()}`)}
                    value={organisation.memberRole}
                    onChange={(event) =>
                      setRole(organisation.key, event.currentTarget.value as GroupMemberRole)
                    }
                  >
                    <For each={memberRoles}>
                      {(role) => <option value={role}>{roleName(role)}</option>}
                    </For>
                  </select>
                </div>
                <button
                  type="button"
                  class="button danger"
                  aria-label={t('rounds.picker.removeNamed', { name: organisation.name })}
                  onClick={() => remove(index())}
                >
                  {t('rounds.plan.removeShort')}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </fieldset>
  )
}
