import { useNavigate, useParams } from '@solidjs/router'
import { createResource, createSignal, Show } from 'solid-js'
import type { MessageKey } from '../../../shared/i18n/index.ts'
import {
  groupInputSchema,
  groupPatchSchema,
  type RoundDetail,
  type RoundGroup,
} from '../../../shared/rounds-api.ts'
import { useI18n } from '../i18n/context.tsx'
import { errorMessageKey } from '../pages/errors.ts'
import { errorAttributes, ErrorSummary, FieldError } from './ErrorSummary.tsx'
import {
  fieldErrors,
  fieldId,
  isConflict,
  issuesOf,
  type FieldErrors,
  type Issue,
} from './field-errors.ts'
import {
  draftMeetingsOf,
  draftOf,
  meetingInputs,
  organisationChoices,
  type ChosenOrganisation,
  type DraftMeeting,
} from './group-draft.ts'
import { GroupMeetingsEditor } from './GroupMeetingsEditor.tsx'
import { LeadFrame } from './LeadFrame.tsx'
import { OrganisationPicker } from './OrganisationPicker.tsx'
import { roundsApi } from './rounds-client.ts'

const FORM = 'group'

/** The UI's words for a problem with a group's field (null: the server's own words). */
const explain = (key: string, issue: Issue): MessageKey | null => {
  if (key === 'name') return 'rounds.groupForm.error.name'
  if (key === 'organisations') {
    if (issue.message === 'no mentor') return 'rounds.groupForm.error.noMentor'
    if (issue.message === 'no benchmarking organisation')
      return 'rounds.groupForm.error.noBenchmarking'
    return /12|too big|at most/i.test(issue.message)
      ? 'rounds.groupForm.error.tooMany'
      : 'rounds.groupForm.error.tooFew'
  }
  if (/^organisations\.\d+$/.test(key)) return 'rounds.groupForm.error.twice'
  if (/^organisations\.\d+\.municipalityCode$/.test(key)) return 'rounds.groupForm.error.code'
  if (/^meetings\.\d+\.date$/.test(key)) return 'rounds.error.date'
  if (/^meetings\.\d+\.hostIndex$/.test(key)) return 'rounds.groupForm.error.host'
  return null
}

/**
 * `/omgang/:cohortId/ny-grupp` and `/omgang/:cohortId/grupp/:groupId`: a group's name, its
 * organisations (from the official list, or added by hand) and its meetings' dates and
 * hosts. A new group starts from the round's meeting plan.
 */
export function GroupFormPage() {
  const params = useParams<{ cohortId: string; groupId?: string }>()
  const { t } = useI18n()
  return (
    <LeadFrame>
      {() => {
        const [round] = createResource(() => params.cohortId, roundsApi.round)
        const group = () => round()?.groups.find((each) => each.id === params.groupId)
        return (
          <Show
            when={!round.error}
            fallback={<p role="alert">{t(errorMessageKey(round.error))}</p>}
          >
            <Show when={round()} fallback={<p aria-busy="true">{t('rounds.loading')}</p>}>
              {(loaded) => (
                <Show
                  when={!params.groupId || group()}
                  fallback={<p role="alert">{t('error.not_found')}</p>}
                >
                  <GroupForm round={loaded()} group={group()} />
                </Show>
              )}
            </Show>
          </Show>
        )
      }}
    </LeadFrame>
  )
}

function GroupForm(props: { round: RoundDetail; group: RoundGroup | undefined }) {
  const { t } = useI18n()
  const navigate = useNavigate()
  // The form starts from what is saved and is the user's from then on.
  // eslint-disable-next-line solid/reactivity
  const editing = props.group
  const start = editing ? draftOf(editing) : null
  const [name, setName] = createSignal(editing?.name ?? '')
  const [organisations, setOrganisations] = createSignal<ChosenOrganisation[]>(
    start?.organisations ?? [],
  )
  const [meetings, setMeetings] = createSignal<DraftMeeting[]>(
    // eslint-disable-next-line solid/reactivity
    start?.meetings ?? draftMeetingsOf(props.round),
  )
  const [errors, setErrors] = createSignal<FieldErrors>({})
  const [general, setGeneral] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  const [said, setSaid] = createSignal('')
  let summary: HTMLDivElement | undefined
  const roundPage = () => `/omgang/${encodeURIComponent(props.round.id)}`

  const announce = (text: string) => {
    setSaid('')
    queueMicrotask(() => setSaid(text))
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
    const input = {
      name: name(),
      organisations: organisationChoices(organisations()),
      meetings: meetingInputs(meetings(), organisations()),
    }
    const checked = (editing ? groupPatchSchema : groupInputSchema).safeParse(input)
    if (!checked.success) return showProblems(checked.error.issues, null)
    setBusy(true)
    try {
      if (editing) await roundsApi.updateGroup(props.round.id, editing.id, input)
      else await roundsApi.createGroup(props.round.id, input)
      navigate(roundPage())
    } catch (failure) {
      const issues = issuesOf(failure)
      showProblems(
        issues,
        issues.length > 0
          ? null
          : isConflict(failure)
            ? t('rounds.groupForm.error.conflict')
            : t(errorMessageKey(failure)),
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <p>
        <a href={roundPage()}>{t('rounds.round.back', { round: props.round.name })}</a>
      </p>
      <h1>
        {editing
          ? t('rounds.groupForm.editTitle', { group: editing.name })
          : t('rounds.groupForm.newTitle', { round: props.round.name })}
      </h1>
      <ErrorSummary
        form={FORM}
        errors={errors()}
        general={general()}
        ref={(element) => (summary = element)}
      />
      <form class="card group-form" onSubmit={submit} novalidate>
        <div class="field">
          <label for={fieldId(FORM, 'name')}>{t('rounds.groupForm.name')}</label>
          <span class="hint" id={`${FORM}-name-hint`}>
            {t('rounds.groupForm.nameHint')}
          </span>
          <FieldError form={FORM} field="name" errors={errors()} />
          <input
            id={fieldId(FORM, 'name')}
            type="text"
            maxlength={120}
            value={name()}
            {...errorAttributes(FORM, 'name', errors(), `${FORM}-name-hint`)}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </div>
        <OrganisationPicker
          form={FORM}
          chosen={organisations()}
          onChange={setOrganisations}
          errors={errors()}
          announce={announce}
        />
        <GroupMeetingsEditor
          form={FORM}
          meetings={meetings()}
          organisations={organisations()}
          onChange={setMeetings}
          errors={errors()}
          announce={announce}
        />
        <p class="visually-hidden" role="status" aria-live="polite">
          {said()}
        </p>
        <div class="actions form-actions">
          <button class="button primary" type="submit" disabled={busy()}>
            {editing ? t('rounds.groupForm.save') : t('rounds.groupForm.create')}
          </button>
          <a class="button subtle" href={roundPage()}>
            {t('members.cancel')}
          </a>
        </div>
      </form>
    </>
  )
}
