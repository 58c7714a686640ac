import { For, Show } from 'solid-js'
import type { OrganisationSummary } from '../../../shared/api.ts'
import type { ScoringRoundResponse } from '../../../shared/scoring-api.ts'
import { useI18n } from '../i18n/context.tsx'

/**
 * Which organisations are done with their sealed scores. Facilitators also see how many
 * items each has scored (to know when to reveal); the others only who is done, never
 * anything of another organisation's scores.
 */
export function SealedProgress(props: {
  organisations: OrganisationSummary[]
  status: ScoringRoundResponse | null
  items: number
  showCounts: boolean
}) {
  const { t } = useI18n()
  const progress = (organisationId: string) =>
    props.status?.organisations.find((o) => o.organisationId === organisationId)
  const doneCount = () => props.organisations.filter((o) => progress(o.id)?.done).length

  return (
    <div class="sealed-progress">
      <h4 id="sealed-progress-heading">{t('sealed.progress')}</h4>
      <p class="hint" data-testid="sealed-done-count">
        {t('sealed.doneCount', { done: doneCount(), total: props.organisations.length })}
      </p>
      <ul aria-labelledby="sealed-progress-heading" aria-busy={props.status ? undefined : 'true'}>
        <For each={props.organisations}>
          {(org) => (
            <li
              classList={{ done: progress(org.id)?.done === true }}
              data-testid={`sealed-progress-${org.id}`}
            >
              <span class="org-name">{org.name}</span>
              <Show when={props.showCounts}>
                <span class="sealed-count">
                  {t('sealed.scored', { n: progress(org.id)?.scored ?? 0, total: props.items })}
                </span>
              </Show>
              <span class="sealed-state">
                <Show when={progress(org.id)?.done} fallback={t('sealed.working')}>
                  <span aria-hidden="true">✓ </span>
                  {t('sealed.orgDone')}
                </Show>
              </span>
            </li>
          )}
        </For>
      </ul>
    </div>
  )
}
