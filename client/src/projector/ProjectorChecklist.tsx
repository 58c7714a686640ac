import { For, Show } from 'solid-js'
import type { MeetingSummary } from '../../../shared/api.ts'
import {
  checklistPhaseFor,
  checklistPhaseLabels,
  criterionStatus,
  maxScore,
  totalScore,
  type PhaseScores,
} from '../../../shared/domain/checklist.ts'
import { getChecklistVersion } from '../../../shared/domain/checklist-versions.ts'
import { readPhaseScores } from '../../../shared/workspace/checklist.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { createYSnapshot } from '../sync/snapshot.ts'

/** The self-assessment of this meeting's phase: each organisation's scores, totals and the criterion. */
export function ProjectorChecklist(props: { meeting: MeetingSummary }) {
  const group = useGroup()
  const { t, l } = useI18n()
  const version = () => getChecklistVersion(group.group()?.cohort.checklistVersion ?? 'skr-2019')
  const phase = () => checklistPhaseFor(props.meeting.kind)
  const organisations = () =>
    (group.group()?.organisations ?? []).filter((org) => org.memberRole === 'benchmarking')
  const scores = createYSnapshot(group.doc, () => {
    const current = phase()
    const all: Record<string, PhaseScores> = {}
    if (current)
      for (const org of organisations())
        all[org.id] = { ...readPhaseScores(group.doc, version(), org.id, current) }
    return all
  })
  const orgScores = (id: string): PhaseScores => scores.value[id] ?? {}
  return (
    <Show when={phase()} fallback={<p class="projector-empty">{t('checklist.noPhase')}</p>}>
      {(current) => (
        <table class="projector-table projector-checklist" data-testid="projector-checklist">
          <caption>{t('checklist.phase', { phase: l(checklistPhaseLabels[current()]) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('checklist.item')}</th>
              <For each={organisations()}>{(org) => <th scope="col">{org.name}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={version().items}>
              {(item, index) => (
                <tr>
                  <th scope="row">
                    {index() + 1}. {l(item.text)}
                  </th>
                  <For each={organisations()}>
                    {(org) => (
                      <td class="projector-score">
                        {orgScores(org.id)[item.id] ?? (
                          <span class="projector-missing">{t('projector.noScore')}</span>
                        )}
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('checklist.total')}</th>
              <For each={organisations()}>
                {(org) => {
                  const status = () => criterionStatus(version(), orgScores(org.id))
                  return (
                    <td class="projector-score">
                      {totalScore(version(), orgScores(org.id))} / {maxScore(version())}
                      <span class="projector-criterion">
                        {status().met
                          ? t('projector.criterionMet')
                          : t('projector.criterionNotMet')}
                      </span>
                    </td>
                  )
                }}
              </For>
            </tr>
          </tfoot>
        </table>
      )}
    </Show>
  )
}
