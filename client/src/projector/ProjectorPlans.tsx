import { createMemo, For, Show } from 'solid-js'
import type { MeetingSummary } from '../../../shared/api.ts'
import { pdsaFieldLabels, pdsaStatusLabels } from '../../../shared/domain/pdsa.ts'
import { plansForMeeting } from '../../../shared/workspace/pdsa.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { createYSnapshot } from '../sync/snapshot.ts'

/** The meeting's PDSA plans (to follow up, then new), each by its aim and the change it tests. */
export function ProjectorPlans(props: { meeting: MeetingSummary }) {
  const group = useGroup()
  const { t, l } = useI18n()
  const previousMeetingId = createMemo(() => {
    const meetings = group.group()?.meetings ?? []
    const index = meetings.findIndex((m) => m.id === props.meeting.id)
    return index > 0 ? (meetings[index - 1]?.id ?? null) : null
  })
  const plans = createYSnapshot(group.doc, () => {
    const { planned, followUp } = plansForMeeting(group.doc, props.meeting.id, previousMeetingId())
    return [...followUp, ...planned]
  })
  return (
    <Show when={plans.value.length > 0} fallback={<p class="projector-empty">{t('pdsa.none')}</p>}>
      <ul class="projector-plans" data-testid="projector-plans">
        <For each={plans.value}>
          {(plan) => (
            <li>
              <h2>
                {t('pdsa.plan', { n: plan.number })} –{' '}
                {group.organisation(plan.organisationId)?.name ?? ''}{' '}
                <span class="tag">{l(pdsaStatusLabels[plan.status])}</span>
              </h2>
              <For each={(['aim', 'change'] as const).filter((f) => plan.fields[f].trim())}>
                {(field) => (
                  <p>
                    <strong>{l(pdsaFieldLabels[field])}:</strong> {plan.fields[field]}
                  </p>
                )}
              </For>
            </li>
          )}
        </For>
      </ul>
    </Show>
  )
}
