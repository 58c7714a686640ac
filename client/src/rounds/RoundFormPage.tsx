import { useNavigate, useParams } from '@solidjs/router'
import { createResource, createSignal, createUniqueId, For, Show } from 'solid-js'
import {
  checklistVersionIds,
  getChecklistVersion,
} from '../../../shared/domain/checklist-versions.ts'
import { roundTrackLabels } from '../../../shared/domain/labels.ts'
import { defaultMeetingPlan } from '../../../shared/domain/meeting-kind.ts'
import { roundTracks, type RoundTrack } from '../../../shared/domain/round-track.ts'
import type { MessageKey } from '../../../shared/i18n/index.ts'
import {
  roundInputSchema,
  type MeetingPlanEntry,
  type RoundDetail,
  type RoundLead,
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
import { LeadFrame } from './LeadFrame.tsx'
import { MeetingPlanEditor } from './MeetingPlanEditor.tsx'
import { roundsApi } from './rounds-client.ts'

const FORM = 'round'

/** The UI's words for a problem with a round's field (null: the server's own words). */
const explain = (key: string, issue: Issue): MessageKey | null => {
  if (key === 'name') return 'rounds.error.name'
  if (key === 'startYear') return 'rounds.error.year'
  if (key === 'endYear')
    return issue.message.includes('5 years') ? 'rounds.error.tooLong' : 'rounds.error.endYear'
  if (key === 'checklistVersion') return 'rounds.error.checklist'
  if (key === 'meetingPlan') return 'rounds.error.plan'
  if (/^meetingPlan\.\d+\.date$/.test(key)) return 'rounds.error.date'
  return null
}

/** `/omgang/ny` (a lead over every round) and `/omgang/:cohortId/redigera`. */
export function RoundFormPage() {
  const params = useParams<{ cohortId?: string }>()
  return (
    <LeadFrame>
      {(lead) => (
        <Show when={params.cohortId} fallback={<RoundForm lead={lead} />}>
          {(cohortId) => <EditRound lead={lead} cohortId={cohortId()} />}
        </Show>
      )}
    </LeadFrame>
  )
}

function EditRound(props: { lead: RoundLead; cohortId: string }) {
  const { t } = useI18n()
  const [round] = createResource(() => props.cohortId, roundsApi.round)
  return (
    <Show when={!round.error} fallback={<p role="alert">{t(errorMessageKey(round.error))}</p>}>
      <Show when={round()} fallback={<p aria-busy="true">{t('rounds.loading')}</p>}>
        {(loaded) => <RoundForm lead={props.lead} round={loaded()} />}
      </Show>
    </Show>
  )
}

function RoundForm(props: { lead: RoundLead; round?: RoundDetail }) {
  const { t, l } = useI18n()
  const navigate = useNavigate()
  const id = createUniqueId()
  // The form starts from what is saved and is the user's from then on.
  // eslint-disable-next-line solid/reactivity
  const editing = props.round
  const thisYear = new Date().getFullYear()
  const [name, setName] = createSignal(editing?.name ?? '')
  const [track, setTrack] = createSignal<RoundTrack>(editing?.track ?? 'kommuner')
  const [startYear, setStartYear] = createSignal(String(editing?.startYear ?? thisYear))
  const [endYear, setEndYear] = createSignal(String(editing?.endYear ?? thisYear + 1))
  const [checklist, setChecklist] = createSignal(
    editing?.checklistVersion ?? checklistVersionIds[0] ?? '',
  )
  const [plan, setPlan] = createSignal<MeetingPlanEntry[]>(
    editing?.meetingPlan.map((entry) => ({ ...entry })) ??
      defaultMeetingPlan.map((kind) => ({ kind, date: null })),
  )
  const [errors, setErrors] = createSignal<FieldErrors>({})
  const [general, setGeneral] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  const [said, setSaid] = createSignal('')
  let summary: HTMLDivElement | undefined
  const checklistLocked = () => (editing?.groupCount ?? 0) > 0

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
      track: track(),
      startYear: Number(startYear()),
      endYear: Number(endYear()),
      checklistVersion: checklist(),
      meetingPlan: plan(),
    }
    const checked = roundInputSchema.safeParse(input)
    if (!checked.success) return showProblems(checked.error.issues, null)
    setBusy(true)
    try {
      // A round with groups keeps its checklist (the server refuses a change: 409).
      const { checklistVersion: _kept, ...unlocked } = checked.data
      const saved = editing
        ? await roundsApi.updateRound(editing.id, checklistLocked() ? unlocked : checked.data)
        : await roundsApi.createRound(checked.data)
      navigate(`/omgang/${encodeURIComponent(saved.id)}`)
    } catch (failure) {
      const issues = issuesOf(failure)
      showProblems(
        issues,
        issues.length > 0
          ? null
          : isConflict(failure)
            ? t('rounds.error.conflict')
            : t(errorMessageKey(failure)),
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <p>
        <a href={editing ? `/omgang/${encodeURIComponent(editing.id)}` : '/omgang'}>
          {editing ? t('rounds.round.back', { round: editing.name }) : t('rounds.back')}
        </a>
      </p>
      <h1>
        {editing
          ? t('rounds.roundForm.editTitle', { round: editing.name })
          : t('rounds.roundForm.newTitle')}
      </h1>
      <Show when={!editing && props.lead.cohortId !== null}>
        <p role="alert">{t('rounds.roundForm.onlyAllRounds')}</p>
      </Show>
      <ErrorSummary
        form={FORM}
        errors={errors()}
        general={general()}
        ref={(element) => (summary = element)}
      />
      <form class="card round-form" onSubmit={submit} novalidate>
        <div class="field">
          <label for={fieldId(FORM, 'name')}>{t('rounds.roundForm.name')}</label>
          <span class="hint" id={`${id}-name-hint`}>
            {t('rounds.roundForm.nameHint')}
          </span>
          <FieldError form={FORM} field="name" errors={errors()} />
          <input
            id={fieldId(FORM, 'name')}
            type="text"
            maxlength={120}
            value={name()}
            {...errorAttributes(FORM, 'name', errors(), `${id}-name-hint`)}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </div>
        <fieldset class="field" id={fieldId(FORM, 'track')} tabindex="-1">
          <legend>{t('rounds.roundForm.track')}</legend>
          <For each={roundTracks}>
            {(each) => (
              <label class="choice">
                <input
                  type="radio"
                  name={`${id}-track`}
                  value={each}
                  checked={track() === each}
                  onChange={() => setTrack(each)}
                />
                {l(roundTrackLabels[each])}
              </label>
            )}
          </For>
        </fieldset>
        <div class="form-grid">
          <div class="field">
            <label for={fieldId(FORM, 'startYear')}>{t('rounds.roundForm.startYear')}</label>
            <FieldError form={FORM} field="startYear" errors={errors()} />
            <input
              id={fieldId(FORM, 'startYear')}
              type="number"
              inputmode="numeric"
              min="2000"
              max="2100"
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
              min="2000"
              max="2100"
              value={endYear()}
              {...errorAttributes(FORM, 'endYear', errors())}
              onInput={(event) => setEndYear(event.currentTarget.value)}
            />
          </div>
        </div>
        <div class="field">
          <label for={fieldId(FORM, 'checklistVersion')}>{t('rounds.roundForm.checklist')}</label>
          <Show when={checklistLocked()}>
            <span class="hint">{t('rounds.roundForm.checklistLocked')}</span>
          </Show>
          <FieldError form={FORM} field="checklistVersion" errors={errors()} />
          <select
            id={fieldId(FORM, 'checklistVersion')}
            value={checklist()}
            disabled={checklistLocked()}
            {...errorAttributes(FORM, 'checklistVersion', errors())}
            onChange={(event) => setChecklist(event.currentTarget.value)}
          >
            <For each={checklistVersionIds}>
              {(version) => <option value={version}>{l(getChecklistVersion(version).name)}</option>}
            </For>
          </select>
        </div>
        <MeetingPlanEditor
          form={FORM}
          plan={plan()}
          onChange={setPlan}
          errors={errors()}
          announce={announce}
        />
        <p class="visually-hidden" role="status">
          {said()}
        </p>
        <div class="actions form-actions">
          <button class="button primary" type="submit" disabled={busy()}>
            {editing ? t('rounds.roundForm.save') : t('rounds.roundForm.create')}
          </button>
          <a
            class="button subtle"
            href={editing ? `/omgang/${encodeURIComponent(editing.id)}` : '/omgang'}
          >
            {t('members.cancel')}
          </a>
        </div>
      </form>
    </>
  )
}
