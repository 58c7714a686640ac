import { For, Show } from 'solid-js'
import type { MeetingSummary } from '../../../shared/api.ts'
import {
  checklistPhaseFor,
  checklistPhaseLabels,
  checklistPhases,
  criterionStatus,
  maxScore,
  totalScore,
  type ChecklistPhase,
  type ChecklistScore,
  type PhaseScores,
} from '../../../shared/domain/checklist.ts'
import { getChecklistVersion } from '../../../shared/domain/checklist-versions.ts'
import { readPhaseScores } from '../../../shared/workspace/index.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { SpotlightButton } from '../meeting/SpotlightButton.tsx'
import { createMediaQuery } from '../sync/media.ts'
import { createYSnapshot } from '../sync/snapshot.ts'
import { ChecklistCell } from './ChecklistCell.tsx'
import { createSealedRound } from './sealed-round.ts'
import { SealedScoring } from './SealedScoring.tsx'

/**
 * Items × organisations for this meeting's phase, with earlier phases beside each score:
 * a table on wide screens, one card per item with the organisations stacked on a phone
 * (the table was 726 px wide on a 375 px screen), as the matrix does.
 */
export function ChecklistPanel(props: { meeting: MeetingSummary }) {
  const group = useGroup()
  const { t, l } = useI18n()
  const narrow = createMediaQuery('(max-width: 760px)')
  const version = () => getChecklistVersion(group.group()?.cohort.checklistVersion ?? 'skr-2019')
  const phase = () => checklistPhaseFor(props.meeting.kind)
  const earlier = () => {
    const current = phase()
    return current ? checklistPhases.slice(0, checklistPhases.indexOf(current)) : []
  }
  const organisations = () =>
    (group.group()?.organisations ?? []).filter((org) => org.memberRole === 'benchmarking')
  // While a sealed scoring round is open, the phase's inputs are hidden (the relay refuses them).
  const sealing = createSealedRound(group.doc, () => props.meeting.id, phase)
  const scores = createYSnapshot(group.doc, () => {
    const all: Record<string, Record<string, PhaseScores>> = {}
    for (const org of organisations()) {
      all[org.id] = {}
      for (const p of checklistPhases)
        all[org.id]![p] = { ...readPhaseScores(group.doc, version(), org.id, p) }
    }
    return all
  })

  const reasons = (status: ReturnType<typeof criterionStatus>) =>
    [
      status.ones > 0 ? t('checklist.reasonOnes', { n: status.ones }) : null,
      status.threesNeeded > 0 ? t('checklist.reasonThrees', { n: status.threesNeeded }) : null,
      status.unscored > 0 ? t('checklist.reasonUnscored', { n: status.unscored }) : null,
    ]
      .filter(Boolean)
      .join(', ')
  const phaseScores = (orgId: string, current: ChecklistPhase) =>
    scores.value[orgId]?.[current] ?? {}
  const total = (orgId: string, current: ChecklistPhase) =>
    `${totalScore(version(), phaseScores(orgId, current))} / ${maxScore(version())}`
  const criterion = (orgId: string, current: ChecklistPhase) => {
    const status = criterionStatus(
      version(),
      phaseScores(orgId, current) as Record<string, ChecklistScore>,
    )
    return {
      met: status.met,
      text: status.met
        ? `✓ ${t('checklist.met')}`
        : t('checklist.notMet', { reasons: reasons(status) }),
    }
  }

  return (
    <Show when={phase()} fallback={<p>{t('checklist.noPhase')}</p>}>
      {(current) => (
        <div class="checklist" data-sealed={sealing.sealed() ? '' : undefined}>
          <h3>{t('checklist.phase', { phase: l(checklistPhaseLabels[current()]) })}</h3>
          <SealedScoring
            meetingId={props.meeting.id}
            phase={current()}
            organisations={organisations()}
            state={sealing}
          />
          <Show
            when={!narrow()}
            fallback={
              <>
                <ol class="checklist-cards">
                  <For each={version().items}>
                    {(item, index) => (
                      <li class="card">
                        <p class="item-text">
                          <span class="item-number">{index() + 1}.</span> {l(item.text)}
                        </p>
                        <SpotlightButton
                          target={{ kind: 'checklistItem', id: item.id }}
                          label={t('spotlight.item', { n: index() + 1 })}
                        />
                        <For each={organisations()}>
                          {(org) => (
                            <div class="checklist-org">
                              <p class="org-name" aria-hidden="true">
                                {org.name}
                              </p>
                              <ChecklistCell
                                org={org}
                                itemId={item.id}
                                n={index() + 1}
                                phase={current()}
                                earlier={earlier()}
                                scores={scores.value[org.id]}
                                meetingId={props.meeting.id}
                              />
                            </div>
                          )}
                        </For>
                      </li>
                    )}
                  </For>
                </ol>
                <ul class="checklist-summary">
                  <For each={organisations()}>
                    {(org) => (
                      <li class="card">
                        <p class="org-name">{org.name}</p>
                        <p>
                          {t('checklist.total')}:{' '}
                          <span data-testid={`checklist-total-${org.id}`}>
                            {total(org.id, current())}
                          </span>
                        </p>
                        <p
                          classList={{ met: criterion(org.id, current()).met }}
                          data-testid={`checklist-criterion-${org.id}`}
                        >
                          {t('checklist.criterion')}: {criterion(org.id, current()).text}
                        </p>
                      </li>
                    )}
                  </For>
                </ul>
              </>
            }
          >
            <div class="table-scroll">
              <table class="checklist-table">
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
                        <th scope="row" class="item-text">
                          <span class="item-number">{index() + 1}.</span> {l(item.text)}
                          <SpotlightButton
                            target={{ kind: 'checklistItem', id: item.id }}
                            label={t('spotlight.item', { n: index() + 1 })}
                          />
                        </th>
                        <For each={organisations()}>
                          {(org) => (
                            <td>
                              <ChecklistCell
                                org={org}
                                itemId={item.id}
                                n={index() + 1}
                                phase={current()}
                                earlier={earlier()}
                                scores={scores.value[org.id]}
                                meetingId={props.meeting.id}
                              />
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
                      {(org) => (
                        <td data-testid={`checklist-total-${org.id}`}>
                          {total(org.id, current())}
                        </td>
                      )}
                    </For>
                  </tr>
                  <tr>
                    <th scope="row">{t('checklist.criterion')}</th>
                    <For each={organisations()}>
                      {(org) => (
                        <td
                          classList={{ met: criterion(org.id, current()).met }}
                          data-testid={`checklist-criterion-${org.id}`}
                        >
                          {criterion(org.id, current()).text}
                        </td>
                      )}
                    </For>
                  </tr>
                </tfoot>
              </table>
            </div>
          </Show>
        </div>
      )}
    </Show>
  )
}
