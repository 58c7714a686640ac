import { For, Show } from 'solid-js'
import {
  checklistPhaseLabels,
  type ChecklistPhase,
  type ChecklistScore,
  type PhaseScores,
} from '../../../shared/domain/checklist.ts'
import type { OrganisationSummary } from '../../../shared/api.ts'
import { fieldId, getChecklistComment, setChecklistScore } from '../../../shared/workspace/index.ts'
import { useGroup } from '../app/group-context.tsx'
import { YTextField } from '../components/YTextField.tsx'
import { useI18n } from '../i18n/context.tsx'
import { useMeeting } from '../meeting/meeting-context.tsx'
import { writePath } from '../meeting/write-access.ts'
import { ScoreInput } from './ScoreInput.tsx'

/**
 * One organisation's answer to one checklist item: the score for this meeting's phase, the
 * scores of earlier phases, and a comment. The same in the table and in the phone's cards.
 */
export function ChecklistCell(props: {
  org: OrganisationSummary
  itemId: string
  n: number
  phase: ChecklistPhase
  earlier: readonly ChecklistPhase[]
  /** This organisation's scores, by phase. */
  scores: Record<string, PhaseScores> | undefined
  meetingId: string
}) {
  const group = useGroup()
  const meeting = useMeeting()
  const { t, l } = useI18n()
  const editable = () =>
    meeting.access.may(writePath.checklist(props.org.id, props.phase, props.itemId))
  const score = (phase: ChecklistPhase) =>
    (props.scores?.[phase]?.[props.itemId] ?? null) as ChecklistScore | null
  return (
    <>
      <ScoreInput
        name={`score-${props.org.id}-${props.itemId}`}
        legend={t('checklist.score', { org: props.org.name, n: props.n })}
        value={score(props.phase)}
        readOnly={!editable()}
        testId={`checklist-score-${props.org.id}-${props.itemId}`}
        onChange={(value) =>
          setChecklistScore(group.doc, props.org.id, props.phase, props.itemId, value)
        }
      />
      {/* Earlier phases as labelled figures ("Uppstart" over "3"), not a run of words and numbers. */}
      <Show when={props.earlier.length > 0}>
        <div class="earlier">
          <span class="earlier-label">{t('checklist.earlier')}</span>
          <dl class="earlier-scores">
            <For each={props.earlier}>
              {(phase) => (
                <div class="earlier-score" data-score={score(phase) ?? ''}>
                  <dt>{l(checklistPhaseLabels[phase])}</dt>
                  <dd>
                    <Show
                      when={score(phase)}
                      fallback={
                        <>
                          <span aria-hidden="true">–</span>
                          <span class="visually-hidden">{t('results.notScored')}</span>
                        </>
                      }
                    >
                      {(value) => value()}
                    </Show>
                  </dd>
                </div>
              )}
            </For>
          </dl>
        </div>
      </Show>
      <YTextField
        text={getChecklistComment(group.doc, props.org.id, props.phase, props.itemId)}
        label={t('checklist.comment', { org: props.org.name, n: props.n })}
        hideLabel
        multiline
        rows={2}
        meetingId={props.meetingId}
        field={fieldId.checklistComment(props.org.id, props.itemId)}
        class="comment"
        readOnly={!editable()}
      />
    </>
  )
}
