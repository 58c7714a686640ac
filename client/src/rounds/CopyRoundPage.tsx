import { useNavigate, useParams } from '@solidjs/router'
import { createResource, createSignal, For, Show } from 'solid-js'
import { groupMemberRoleLabels } from '../../../shared/domain/labels.ts'
import type { MessageKey } from '../../../shared/i18n/index.ts'
import { roundCopyInputSchema, type RoundDetail } from '../../../shared/rounds-api.ts'
import { useI18n } from '../i18n/context.tsx'
import { errorMessageKey } from '../pages/errors.ts'
import { errorAttributes, ErrorSummary, FieldError } from './ErrorSummary.tsx'
import { fieldErrors, fieldId, issuesOf, type FieldErrors, type Issue } from './field-errors.ts'
import { roundYears } from './format.ts'
import { LeadFrame } from './LeadFrame.tsx'
import { roundsApi } from './rounds-client.ts'

const FORM = 'copy'

const explain = (key: string, issue: Issue): MessageKey | null => {
  if (key === 'name') return 'rounds.error.name'
  if (key === 'startYear') return 'rounds.error.year'
  if (key === 'endYear')
    return issue.message.includes('5 years') ? 'rounds.error.tooLong' : 'rounds.error.endYear'
  return null
}

/**
 * `/omgang/:cohortId/kopiera` (a lead over every round): the next round with this one's
 * groups, organisations and meeting plan, no content. Mentor continuity: organisations
 * ticked here are their group's mentors in the new round.
 */
export function CopyRoundPage() {
  const params = useParams<{ cohortId: string }>()
  const { t } = useI18n()
  return (
    <LeadFrame>
      {(lead) => {
        const [round] = createResource(() => params.cohortId, roundsApi.round)
        return (
          <Show
            when={lead.cohortId === null}
            fallback={<p role="alert">{t('rounds.copy.onlyAllRounds')}</p>}
          >
            <Show
              when={!round.error}
              fallback={<p role="alert">{t(errorMessageKey(round.error))}</p>}
            >
              <Show when={round()} fallback={<p aria-busy="true">{t('rounds.loading')}</p>}>
                {(loaded) => <CopyForm round={loaded()} />}
              </Show>
            </Show>
          </Show>
        )
      }}
    </LeadFrame>
  )
}

function CopyForm(props: { round: RoundDetail }) {
  const { t, l } = useI18n()
  const navigate = useNavigate()
  // The new round follows this one: the same length, starting the year after it ends.
  // eslint-disable-next-line solid/reactivity
  const { startYear: from, endYear: to } = props.round
  const [name, setName] = createSignal('')
  const [startYear, setStartYear] = createSignal(String(to + 1))
  const [endYear, setEndYear] = createSignal(String(to + 1 + (to - from)))
  const [mentors, setMentors] = createSignal<ReadonlySet<string>>(new Set())
  const [errors, setErrors] = createSignal<FieldErrors>({})
  const [general, setGeneral] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  let summary: HTMLDivElement | undefined
  const roundPage = () => `/omgang/${encodeURIComponent(props.round.id)}`

  const toggle = (organisationId: string, on: boolean) => {
    const next = new Set(mentors())
    if (on) next.add(organisationId)
    else next.delete(organisationId)
    setMentors(next)
  }
  const showProblems = (issues: readonly Issue[], message: string | null) => {
    setErrors(
      fieldErrors(issues, (key, issue) => {
        const known = explain(key, issue)
        return known ? t(known) : null
      }),
    )
    setGeneral(message)
    queueMicrotask(() => summary?.focus())
  }

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    const checked = roundCopyInputSchema.safeParse({
      name: name(),
      startYear: Number(startYear()),
      endYear: Number(endYear()),
      mentorOrganisationIds: [...mentors()],
    })
    if (!checked.success) return showProblems(checked.error.issues, null)
    setBusy(true)
    try {
      const copy = await roundsApi.copyRound(props.round.id, checked.data)
      navigate(`/omgang/${encodeURIComponent(copy.id)}`)
    } catch (failure) {
      const issues = issuesOf(failure)
      showProblems(issues, issues.length > 0 ? null : t(errorMessageKey(failure)))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <p>
        <a href={roundPage()}>{t('rounds.round.back', { round: props.round.name })}</a>
      </p>
      <h1>{t('rounds.copy.title', { round: props.round.name })}</h1>
      <p class="lead">{t('rounds.copy.intro', { years: roundYears(props.round) })}</p>
      <ErrorSummary
        form={FORM}
        errors={errors()}
        general={general()}
        ref={(element) => (summary = element)}
      />
      <form class="card copy-form" onSubmit={submit} novalidate>
        <div class="field">
          <label for={fieldId(FORM, 'name')}>{t('rounds.copy.name')}</label>
          <FieldError form={FORM} field="name" errors={errors()} />
          <input
            id={fieldId(FORM, 'name')}
            type="text"
            maxlength={120}
            value={name()}
            {...errorAttributes(FORM, 'name', errors())}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </div>
        <div class="form-grid">
          <div class="field">
            <label for={fieldId(FORM, 'startYear')}>{t('rounds.roundForm.startYear')}</label>
            <FieldError form={FORM} field="startYear" errors={errors()} />
            <input
              id={fieldId(FORM, 'startYear')}
              type="number"
              inputmode="numeric"
              value={startYear()}
              {...errorAttributes(FORM, 'startYear', errors())}
              onInput={(event) => setStartYear(event.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for={fieldId(FORM, 'endYear')}>{t('rounds.roundForm.endYear')}</label>
            <FieldError form={FORM} field="endYear" errors={errors()} />
            <input
              id={fieldId(FORM, 'endYear')}
              type="number"
              inputmode="numeric"
              value={endYear()}
              {...errorAttributes(FORM, 'endYear', errors())}
              onInput={(event) => setEndYear(event.currentTarget.value)}
            />
          </div>
        </div>
        <Show
          when={props.round.groups.length > 0}
          fallback={<p class="hint">{t('rounds.copy.noGroups')}</p>}
        >
          <h2>{t('rounds.copy.mentorsHeading')}</h2>
          <p class="hint">{t('rounds.copy.mentorsHint')}</p>
          <For each={props.round.groups}>
            {(group) => (
              <fieldset class="copy-group">
                <legend>{group.name}</legend>
                <For each={group.organisations}>
                  {(organisation) => (
                    <label class="choice">
                      <input
                        type="checkbox"
                        checked={mentors().has(organisation.id)}
                        onChange={(event) => toggle(organisation.id, event.currentTarget.checked)}
                      />
                      <span>
                        {organisation.name}{' '}
                        <span class="hint">
                          (
                          {t('rounds.copy.now', {
                            role: l(groupMemberRoleLabels[organisation.memberRole]),
                          })}
                          )
                        </span>
                      </span>
                    </label>
                  )}
                </For>
              </fieldset>
            )}
          </For>
        </Show>
        <div class="actions form-actions">
          <button class="button primary" type="submit" disabled={busy()}>
            {t('rounds.copy.submit')}
          </button>
          <a class="button subtle" href={roundPage()}>
            {t('members.cancel')}
          </a>
        </div>
      </form>
    </>
  )
}
