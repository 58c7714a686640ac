import { For, Show } from 'solid-js'
import { checklistPhaseLabels } from '../../../shared/domain/checklist.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { blockingReasons } from './criterion-text.ts'
import { createGroupResults } from './group-results.ts'

/**
 * The group home's glance at the results: per organisation the last scored phase, its
 * total and the criterion, and the PDSA plans; the whole view is one link away. Live.
 */
export function ResultsSummary() {
  const group = useGroup()
  const { t, l } = useI18n()
  const { version, organisations, results } = createGroupResults()
  const latest = (orgId: string) =>
    results.value.organisations
      .find((r) => r.organisationId === orgId)
      ?.phases.filter((phase) => phase.scored > 0)
      .at(-1)
  const plans = (orgId: string) =>
    results.value.plans.filter((plan) => plan.organisationId === orgId).length
  return (
    <section aria-labelledby="results-summary-heading" class="results-summary">
      <div class="section-head">
        <h2 id="results-summary-heading">{t('results.homeHeading')}</h2>
        <a class="button" href={`/g/${encodeURIComponent(group.room)}/resultat`}>
          {t('results.link')}
        </a>
      </div>
      <ul class="org-list" data-testid="results-summary">
        <For each={organisations()}>
          {(org) => (
            <li class="org">
              <span class="org-name">{org.name}</span>
              <Show when={latest(org.id)} fallback={<span>{t('results.homeNone')}</span>}>
                {(phase) => (
                  <>
                    <span data-testid="results-summary-total">
                      {t('results.homeLatest', {
                        phase: l(checklistPhaseLabels[phase().phase]),
                        total: phase().total,
                        max: phase().max,
                      })}
                    </span>
                    <span>
                      {t('results.criterion')}:{' '}
                      {phase().criterion.met
                        ? `✓ ${t('results.met')}`
                        : `✗ ${t('results.notMet')} (${blockingReasons(t, version(), phase().criterion).join('; ')})`}
                    </span>
                  </>
                )}
              </Show>
              <span>{t('results.homePlans', { n: plans(org.id) })}</span>
            </li>
          )}
        </For>
      </ul>
    </section>
  )
}
