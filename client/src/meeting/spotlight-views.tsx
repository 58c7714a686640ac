import { For, Show } from 'solid-js'
import type { MeetingSummary } from '../../../shared/api.ts'
import { checklistPhaseFor, checklistScoreLabels } from '../../../shared/domain/checklist.ts'
import { getChecklistVersion } from '../../../shared/domain/checklist-versions.ts'
import { pdsaFieldLabels, pdsaStatusLabels, pdsaTextFields } from '../../../shared/domain/pdsa.ts'
import { readChecklist, readMatrix, readPdsaPlans } from '../../../shared/workspace/index.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { createYSnapshot } from '../sync/snapshot.ts'

/** One matrix question read across every organisation's answer. */
export function QuestionSpotlight(props: { meetingId: string; questionId: string }) {
  const group = useGroup()
  const { t } = useI18n()
  const matrix = createYSnapshot(group.doc, () => readMatrix(group.doc, props.meetingId))
  const index = () => matrix.value.questions.findIndex((q) => q.id === props.questionId)
  return (
    <Show when={index() >= 0} fallback={<p>{t('spotlight.gone')}</p>}>
      <h2 id="spotlight-heading">
        {t('spotlight.question', { n: index() + 1 })}: {matrix.value.questions[index()]?.text}
      </h2>
      <dl class="spotlight-answers">
        <For each={matrix.value.organisationIds}>
          {(org) => (
            <div class="spotlight-answer">
              <dt>{group.organisation(org)?.name ?? org}</dt>
              <dd>{matrix.value.answers[props.questionId]?.[org] || t('spotlight.noAnswer')}</dd>
            </div>
          )}
        </For>
      </dl>
    </Show>
  )
}

/** One PDSA plan, its filled-in fields in large type. */
export function PlanSpotlight(props: { planId: string }) {
  const group = useGroup()
  const { t, l } = useI18n()
  const plans = createYSnapshot(group.doc, () => readPdsaPlans(group.doc))
  const plan = () => plans.value.find((p) => p.id === props.planId)
  return (
    <Show when={plan()} fallback={<p>{t('spotlight.gone')}</p>}>
      {(current) => (
        <>
          <h2 id="spotlight-heading">
            {t('spotlight.plan', {
              n: current().number,
              org: group.organisation(current().organisationId)?.name ?? '',
            })}
          </h2>
          <p>
            {t('pdsa.status')}: {l(pdsaStatusLabels[current().status])}
          </p>
          <dl class="spotlight-answers">
            <For each={pdsaTextFields.filter((field) => current().fields[field].trim() !== '')}>
              {(field) => (
                <div class="spotlight-answer">
                  <dt>{l(pdsaFieldLabels[field])}</dt>
                  <dd>{current().fields[field]}</dd>
                </div>
              )}
            </For>
          </dl>
        </>
      )}
    </Show>
  )
}

/** One checklist item: every organisation's score and comment for this meeting's phase. */
export function ChecklistItemSpotlight(props: { meeting: MeetingSummary; itemId: string }) {
  const group = useGroup()
  const { t, l } = useI18n()
  const version = () => getChecklistVersion(group.group()?.cohort.checklistVersion ?? 'skr-2019')
  const index = () => version().items.findIndex((item) => item.id === props.itemId)
  const organisations = () =>
    (group.group()?.organisations ?? []).filter((org) => org.memberRole === 'benchmarking')
  const rows = createYSnapshot(group.doc, () => {
    const phase = checklistPhaseFor(props.meeting.kind)
    return organisations().map((org) => ({
      id: org.id,
      name: org.name,
      row: phase
        ? readChecklist(group.doc, version(), org.id, phase).find((r) => r.itemId === props.itemId)
        : undefined,
    }))
  })
  return (
    <Show when={version().items[index()]} fallback={<p>{t('spotlight.gone')}</p>}>
      {(item) => (
        <>
          <h2 id="spotlight-heading">
            {t('spotlight.item', { n: index() + 1 })}: {l(item().text)}
          </h2>
          <dl class="spotlight-answers">
            <For each={rows.value}>
              {(org) => (
                <div class="spotlight-answer">
                  <dt>{org.name}</dt>
                  <dd>
                    <Show when={org.row?.score} fallback={t('spotlight.noScore')}>
                      {(score) => (
                        <strong>
                          {score()} – {l(checklistScoreLabels[score()])}
                        </strong>
                      )}
                    </Show>
                    <Show when={org.row?.comment}>{(comment) => <p>{comment()}</p>}</Show>
                  </dd>
                </div>
              )}
            </For>
          </dl>
        </>
      )}
    </Show>
  )
}
