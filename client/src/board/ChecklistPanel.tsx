import { For, Show } from 'solid-js'
import type { MeetingSummary } from '../../../shared/api.ts'
import {
  checklistPhaseFor,
  checklistPhaseLabels,
  checklistPhases,
  criterionStatus,
  maxScore,
  totalScore,
  type PhaseScores,
} from '../../../shared/domain/checklist.ts'
import { getChecklistVersion } from '../../../shared/domain/checklist-versions.ts'
import {
  fieldId,
  getChecklistComment,
  readPhaseScores,
  setChecklistScore,
} from '../../../shared/workspace/index.ts'
import { useGroup } from '../app/group-context.tsx'
import { YTextField } from '../components/YTextField.tsx'
import { useI18n } from '../i18n/context.tsx'
import { createYSnapshot } from '../sync/snapshot.ts'
import { ScoreInput } from './ScoreInput.tsx'

/** Items × organisations for this meeting's phase, with earlier phases beside each score. */
export function ChecklistPanel(props: { meeting: MeetingSummary }) {
  const group = useGroup()
  const { t, l } = useI18n()
  const version = () => getChecklistVersion(group.group()?.cohort.checklistVersion ?? 'skr-2019')
  const phase = () => checklistPhaseFor(props.meeting.kind)
  const earlier = () => {
    const current = phase()
    return current ? checklistPhases.slice(0, checklistPhases.indexOf(current)) : []
  }
  const organisations = () =>
    (group.group()?.organisations ?? []).filter((org) => org.memberRole === 'benchmarking')
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

  return (
    <Show when={phase()} fallback={<p>{t('checklist.noPhase')}</p>}>
      {(current) => (
        <div class="checklist">
          <h3>{t('checklist.phase', { phase: l(checklistPhaseLabels[current()]) })}</h3>
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
                      </th>
                      <For each={organisations()}>
                        {(org) => {
                          const legend = () =>
                            t('checklist.score', { org: org.name, n: index() + 1 })
                          const value = () =>
                            (scores.value[org.id]?.[current()]?.[item.id] ?? null) as
                              1 | 2 | 3 | null
                          return (
                            <td>
                              <ScoreInput
                                name={`score-${org.id}-${item.id}`}
                                legend={legend()}
                                value={value()}
                                readOnly={group.readOnly}
                                testId={`checklist-score-${org.id}-${item.id}`}
                                onChange={(score) =>
                                  setChecklistScore(group.doc, org.id, current(), item.id, score)
                                }
                              />
                              <Show when={earlier().length > 0}>
                                <p class="earlier">
                                  <span class="visually-hidden">{t('checklist.earlier')}: </span>
                                  <For each={earlier()}>
                                    {(p) => (
                                      <span class="earlier-score">
                                        {l(checklistPhaseLabels[p])}{' '}
                                        {scores.value[org.id]?.[p]?.[item.id] ?? '–'}
                                      </span>
                                    )}
                                  </For>
                                </p>
                              </Show>
                              <YTextField
                                text={getChecklistComment(group.doc, org.id, current(), item.id)}
                                label={t('checklist.comment', { org: org.name, n: index() + 1 })}
                                hideLabel
                                multiline
                                rows={2}
                                meetingId={props.meeting.id}
                                field={fieldId.checklistComment(org.id, item.id)}
                                class="comment"
                              />
                            </td>
                          )
                        }}
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
                        {totalScore(version(), scores.value[org.id]?.[current()] ?? {})} /{' '}
                        {maxScore(version())}
                      </td>
                    )}
                  </For>
                </tr>
                <tr>
                  <th scope="row">{t('checklist.criterion')}</th>
                  <For each={organisations()}>
                    {(org) => {
                      const status = () =>
                        criterionStatus(
                          version(),
                          (scores.value[org.id]?.[current()] ?? {}) as Record<string, 1 | 2 | 3>,
                        )
                      return (
                        <td
                          classList={{ met: status().met }}
                          data-testid={`checklist-criterion-${org.id}`}
                        >
                          {status().met
                            ? `✓ ${t('checklist.met')}`
                            : t('checklist.notMet', { reasons: reasons(status()) })}
                        </td>
                      )
                    }}
                  </For>
                </tr>
              </tfoot>
            </table>
          </div>
        </div>
      )}
    </Show>
  )
}
