import { For } from 'solid-js'
import {
  checklistScoreLabels,
  checklistScores,
  type ChecklistScore,
} from '../../../shared/domain/checklist.ts'
import { useI18n } from '../i18n/context.tsx'

/** A 1–3 radio group (arrow keys move within it), with a way to clear the score. */
export function ScoreInput(props: {
  name: string
  legend: string
  value: ChecklistScore | null
  readOnly: boolean
  testId: string
  onChange: (score: ChecklistScore | null) => void
}) {
  const { t, l } = useI18n()
  return (
    <fieldset class="score" data-testid={props.testId}>
      <legend class="visually-hidden">{props.legend}</legend>
      <For each={checklistScores}>
        {(score) => (
          <label class={`score-option s${score}`} title={l(checklistScoreLabels[score])}>
            <input
              type="radio"
              name={props.name}
              value={score}
              checked={props.value === score}
              disabled={props.readOnly}
              onChange={() => props.onChange(score)}
            />
            <span aria-hidden="true">{score}</span>
            <span class="visually-hidden">
              {score} – {l(checklistScoreLabels[score])}
            </span>
          </label>
        )}
      </For>
      <button
        type="button"
        class="clear-score"
        hidden={props.readOnly || props.value === null}
        onClick={() => props.onChange(null)}
        aria-label={`${t('checklist.clear')}: ${props.legend}`}
      >
        ✕
      </button>
    </fieldset>
  )
}
