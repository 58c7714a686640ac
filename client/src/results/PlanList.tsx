import { For, Show } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import type { MeetingSummary } from '../../../shared/api.ts'
import type { ChecklistVersion } from '../../../shared/domain/checklist-versions.ts'
import { meetingKindLabels } from '../../../shared/domain/labels.ts'
import { pdsaDecisionLabels, pdsaStatusLabels } from '../../../shared/domain/pdsa.ts'
import { resultsChainLabels } from '../../../shared/domain/results-chain.ts'
import type { PlanResult } from '../../../shared/results/pdsa.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'

/**
 * Every PDSA plan of the group by its number and organisation, as the board names it:
 * aim, status, the Act decision, how far in the results chain it reached, the checklist
 * items it improves, and where it was planned and followed up.
 */
export function PlanList(props: {
  plans: PlanResult[]
  version: ChecklistVersion
  /** The level of the list's own heading; each plan's is one below. */
  level?: 2 | 3
}) {
  const group = useGroup()
  const { t, l, locale } = useI18n()
  const meeting = (id: string | null): MeetingSummary | undefined =>
    group.group()?.meetings.find((m) => m.id === id)
  const meetingText = (id: string | null) => {
    const found = meeting(id)
    if (!found) return t('results.noMeeting')
    const name = found.title || l(meetingKindLabels[found.kind])
    const date = found.date
      ? new Date(`${found.date}T12:00:00`).toLocaleDateString(
          locale() === 'sv' ? 'sv-SE' : 'en-GB',
          { dateStyle: 'medium' },
        )
      : null
    return date ? `${name} (${date})` : name
  }
  const title = (plan: PlanResult) =>
    `${t('pdsa.plan', { n: plan.number })} – ${group.organisation(plan.organisationId)?.name ?? ''}`

  return (
    <Show when={props.plans.length > 0} fallback={<p class="hint">{t('results.noPlans')}</p>}>
      <ul class="plan-results" data-testid="results-plans">
        <For each={props.plans}>
          {(plan) => (
            <li class="card" data-testid="results-plan">
              <Dynamic component={`h${(props.level ?? 2) + 1}`}>{title(plan)}</Dynamic>
              <Show when={plan.aim}>
                <p class="aim">{plan.aim}</p>
              </Show>
              <dl class="plan-facts">
                <div>
                  <dt>{t('pdsa.status')}</dt>
                  <dd>{l(pdsaStatusLabels[plan.status])}</dd>
                </div>
                <div>
                  <dt>{t('pdsa.decision')}</dt>
                  <dd>
                    {plan.decision ? l(pdsaDecisionLabels[plan.decision]) : t('pdsa.decisionNone')}
                  </dd>
                </div>
                <div>
                  <dt>{t('pdsa.level')}</dt>
                  <dd>
                    {plan.resultsChainLevel
                      ? l(resultsChainLabels[plan.resultsChainLevel])
                      : t('pdsa.levelNone')}
                  </dd>
                </div>
                <div>
                  <dt>{t('results.plannedAt')}</dt>
                  <dd>{meetingText(plan.plannedAtMeetingId)}</dd>
                </div>
                <div>
                  <dt>{plan.followedUp ? t('results.followedUpAt') : t('results.followUpAt')}</dt>
                  <dd>{meetingText(plan.followUpMeetingId)}</dd>
                </div>
                <div class="wide">
                  <dt>{t('pdsa.linked')}</dt>
                  <dd>
                    <Show when={plan.checklistItemIds.length > 0} fallback={t('results.noItems')}>
                      <ul class="linked">
                        <For each={plan.checklistItemIds}>
                          {(itemId) => {
                            const index = props.version.items.findIndex((i) => i.id === itemId)
                            return (
                              <li>
                                {index + 1}. {l(props.version.items[index]!.text)}
                              </li>
                            )
                          }}
                        </For>
                      </ul>
                    </Show>
                  </dd>
                </div>
              </dl>
            </li>
          )}
        </For>
      </ul>
    </Show>
  )
}
