import { For, Show } from 'solid-js'
import { getChecklistVersion } from '../../../shared/domain/checklist-versions.ts'
import {
  pdsaDecisionLabels,
  pdsaDecisions,
  pdsaFieldLabels,
  pdsaStatuses,
  pdsaStatusLabels,
  pdsaTextFields,
  type PdsaDecision,
  type PdsaStatus,
} from '../../../shared/domain/pdsa.ts'
import {
  resultsChainLabels,
  resultsChainLevels,
  type ResultsChainLevel,
} from '../../../shared/domain/results-chain.ts'
import {
  fieldId,
  getPdsaField,
  setPdsaChecklistLink,
  updatePdsaPlan,
  type PdsaPlan,
} from '../../../shared/workspace/index.ts'
import { useGroup } from '../app/group-context.tsx'
import { YTextField } from '../components/YTextField.tsx'
import { useI18n } from '../i18n/context.tsx'
import { LockControl } from '../meeting/LockControl.tsx'
import { useMeeting } from '../meeting/meeting-context.tsx'
import { SpotlightButton } from '../meeting/SpotlightButton.tsx'
import { writePath } from '../meeting/write-access.ts'

/** One PDSA plan: the worksheet's fields, status, decision, results chain and checklist links. */
export function PdsaPlanCard(props: {
  plan: PdsaPlan
  meetingId: string
  /** Asked to remove the plan (the panel confirms and offers undo); `title` names it. */
  onRemove: (title: string, button: HTMLButtonElement) => void
}) {
  const group = useGroup()
  const meeting = useMeeting()
  const { t, l } = useI18n()
  const editable = () => meeting.access.may(writePath.plan(props.plan.id))
  const items = () =>
    getChecklistVersion(group.group()?.cohort.checklistVersion ?? 'skr-2019').items
  const prefix = () => `pdsa-${props.plan.id}`
  // The plan's own number, the same at every meeting (not its place in this meeting's list).
  const title = () =>
    `${t('pdsa.plan', { n: props.plan.number })} – ${group.organisation(props.plan.organisationId)?.name ?? ''}`
  return (
    <article
      class="card pdsa-plan"
      data-testid="pdsa-card"
      data-plan={props.plan.id}
      aria-labelledby={`${prefix()}-title`}
    >
      <div class="section-head">
        <h4 id={`${prefix()}-title`}>{title()}</h4>
        <SpotlightButton target={{ kind: 'plan', id: props.plan.id }} label={title()} />
        <LockControl
          scope={`plan:${props.plan.id}`}
          path={writePath.plan(props.plan.id)}
          what={t('refused.part.plan')}
        />
      </div>
      <div class="pdsa-fields">
        <For each={pdsaTextFields}>
          {(field) => (
            <YTextField
              text={getPdsaField(group.doc, props.plan.id, field)}
              label={l(pdsaFieldLabels[field])}
              multiline
              rows={2}
              meetingId={props.meetingId}
              field={fieldId.pdsaField(props.plan.id, field)}
              id={`${prefix()}-${field}`}
              testId={`pdsa-${field}`}
              readOnly={!editable()}
            />
          )}
        </For>
      </div>
      <div class="form-grid">
        <div class="field">
          <label for={`${prefix()}-status`}>{t('pdsa.status')}</label>
          <select
            id={`${prefix()}-status`}
            disabled={!editable()}
            value={props.plan.status}
            onChange={(e) =>
              updatePdsaPlan(group.doc, props.plan.id, {
                status: e.currentTarget.value as PdsaStatus,
              })
            }
          >
            <For each={pdsaStatuses}>
              {(status) => <option value={status}>{l(pdsaStatusLabels[status])}</option>}
            </For>
          </select>
        </div>
        <div class="field">
          <label for={`${prefix()}-decision`}>{t('pdsa.decision')}</label>
          <select
            id={`${prefix()}-decision`}
            disabled={!editable()}
            value={props.plan.decision ?? ''}
            onChange={(e) =>
              updatePdsaPlan(group.doc, props.plan.id, {
                decision: (e.currentTarget.value || null) as PdsaDecision | null,
              })
            }
          >
            <option value="">{t('pdsa.decisionNone')}</option>
            <For each={pdsaDecisions}>
              {(decision) => <option value={decision}>{l(pdsaDecisionLabels[decision])}</option>}
            </For>
          </select>
        </div>
        <div class="field">
          <label for={`${prefix()}-level`}>{t('pdsa.level')}</label>
          <select
            id={`${prefix()}-level`}
            disabled={!editable()}
            value={props.plan.resultsChainLevel ?? ''}
            onChange={(e) =>
              updatePdsaPlan(group.doc, props.plan.id, {
                resultsChainLevel: (e.currentTarget.value || null) as ResultsChainLevel | null,
              })
            }
          >
            <option value="">{t('pdsa.levelNone')}</option>
            <For each={resultsChainLevels}>
              {(level) => <option value={level}>{l(resultsChainLabels[level])}</option>}
            </For>
          </select>
        </div>
      </div>
      <fieldset class="linked-items">
        <legend>{t('pdsa.linked')}</legend>
        <For each={items()}>
          {(item, index) => (
            <label class="check">
              <input
                type="checkbox"
                disabled={!editable()}
                checked={props.plan.checklistItemIds.includes(item.id)}
                onChange={(e) =>
                  setPdsaChecklistLink(group.doc, props.plan.id, item.id, e.currentTarget.checked)
                }
              />
              <span>
                {index() + 1}. {l(item.text)}
              </span>
            </label>
          )}
        </For>
      </fieldset>
      <Show when={editable()}>
        <button
          type="button"
          class="button subtle danger"
          aria-haspopup="dialog"
          onClick={(event) => props.onRemove(title(), event.currentTarget)}
        >
          {t('pdsa.remove')}
        </button>
      </Show>
    </article>
  )
}
