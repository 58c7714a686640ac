import { createSignal, For, Show } from 'solid-js'
import {
  addMatrixQuestion,
  answersOf,
  fieldId,
  getMatrixAnswer,
  getQuestionText,
  meetingOf,
  moveMatrixQuestion,
  questionsOf,
  readMatrix,
  removeMatrixQuestion,
} from '../../../shared/workspace/index.ts'
import { useGroup } from '../app/group-context.tsx'
import { ConfirmDialog } from '../components/ConfirmDialog.tsx'
import { YTextField } from '../components/YTextField.tsx'
import { useI18n } from '../i18n/context.tsx'
import { useMeeting } from '../meeting/meeting-context.tsx'
import { SpotlightButton } from '../meeting/SpotlightButton.tsx'
import { writePath } from '../meeting/write-access.ts'
import { createMediaQuery } from '../sync/media.ts'
import { createYSnapshot } from '../sync/snapshot.ts'
import { createRemovalUndo } from './removal-undo.ts'
import { UndoOffer } from '../components/UndoOffer.tsx'

/**
 * Every organisation answers the same questions side by side: a table on wide screens,
 * one card per question with the answers stacked on a phone.
 */
export function MatrixPanel(props: { meetingId: string }) {
  const group = useGroup()
  const meeting = useMeeting()
  const { t } = useI18n()
  const editable = () => meeting.access.may(writePath.matrix(props.meetingId))
  const matrix = createYSnapshot(group.doc, () => readMatrix(group.doc, props.meetingId))
  const narrow = createMediaQuery('(max-width: 760px)')
  const name = (id: string) => group.organisation(id)?.name ?? id
  const isMentor = (id: string) => group.organisation(id)?.memberRole !== 'benchmarking'
  // Removing a question takes every organisation's answers with it: asked first, and the
  // person who removed it can undo it for a while (their own removals only).
  const removal = createRemovalUndo(() => {
    const meetingMap = meetingOf(group.doc, props.meetingId)
    const questions = meetingMap && questionsOf(meetingMap)
    const answers = meetingMap && answersOf(meetingMap)
    return questions && answers ? [questions, answers] : null
  })
  const [asking, setAsking] = createSignal<{ id: string; n: number } | null>(null)
  let removeButton: HTMLButtonElement | undefined
  let undoButton: HTMLButtonElement | undefined
  const confirmRemoval = async (questionId: string) => {
    const meetingId = props.meetingId
    removal.remove(
      group.doc,
      () => removeMatrixQuestion(group.doc, meetingId, questionId),
      t('undo.matrixRemoved'),
    )
  }

  const QuestionCell = (cell: { id: string; n: number }) => (
    <div class="question-cell" data-question={cell.id}>
      <YTextField
        text={getQuestionText(group.doc, props.meetingId, cell.id)}
        label={t('matrix.questionText', { n: cell.n })}
        hideLabel
        multiline
        rows={2}
        meetingId={props.meetingId}
        field={fieldId.matrixQuestion(cell.id)}
        class="question-text"
        testId={`matrix-question-${cell.id}`}
        readOnly={!editable()}
      />
      <SpotlightButton
        target={{ kind: 'question', id: cell.id }}
        label={t('spotlight.question', { n: cell.n })}
      />
      <Show when={editable()}>
        <div class="button-row">
          <button
            type="button"
            class="icon-button"
            aria-label={`${t('matrix.up')} ${cell.n}`}
            onClick={() => moveMatrixQuestion(group.doc, props.meetingId, cell.id, 'up')}
          >
            ↑
          </button>
          <button
            type="button"
            class="icon-button"
            aria-label={`${t('matrix.down')} ${cell.n}`}
            onClick={() => moveMatrixQuestion(group.doc, props.meetingId, cell.id, 'down')}
          >
            ↓
          </button>
          <button
            type="button"
            class="icon-button danger"
            aria-label={`${t('matrix.remove')} ${cell.n}`}
            aria-haspopup="dialog"
            onClick={(event) => {
              removeButton = event.currentTarget
              setAsking({ id: cell.id, n: cell.n })
            }}
          >
            ✕
          </button>
        </div>
      </Show>
    </div>
  )

  const Answer = (cell: {
    questionId: string
    organisationId: string
    n: number
    hideLabel: boolean
  }) => (
    <YTextField
      text={getMatrixAnswer(group.doc, props.meetingId, cell.questionId, cell.organisationId)}
      label={
        cell.hideLabel
          ? t('matrix.answer', { org: name(cell.organisationId), n: cell.n })
          : name(cell.organisationId)
      }
      hideLabel={cell.hideLabel}
      multiline
      rows={4}
      meetingId={props.meetingId}
      field={fieldId.matrixAnswer(cell.questionId, cell.organisationId)}
      testId={`matrix-cell-${cell.questionId}-${cell.organisationId}`}
      readOnly={!editable()}
    />
  )

  return (
    <div class="matrix">
      <Show
        when={!narrow()}
        fallback={
          <ol class="matrix-cards">
            <For each={matrix.value.questions}>
              {(question, index) => (
                <li class="card">
                  <QuestionCell id={question.id} n={index() + 1} />
                  <For each={matrix.value.organisationIds}>
                    {(org) => (
                      <Answer
                        questionId={question.id}
                        organisationId={org}
                        n={index() + 1}
                        hideLabel={false}
                      />
                    )}
                  </For>
                </li>
              )}
            </For>
          </ol>
        }
      >
        <div class="table-scroll">
          <table class="matrix-table">
            <thead>
              <tr>
                <th scope="col">{t('matrix.question')}</th>
                <For each={matrix.value.organisationIds}>
                  {(org) => (
                    <th scope="col" classList={{ mentor: isMentor(org) }}>
                      {name(org)}
                    </th>
                  )}
                </For>
              </tr>
            </thead>
            <tbody>
              <For each={matrix.value.questions}>
                {(question, index) => (
                  <tr>
                    <th scope="row">
                      <QuestionCell id={question.id} n={index() + 1} />
                    </th>
                    <For each={matrix.value.organisationIds}>
                      {(org) => (
                        <td classList={{ mentor: isMentor(org) }}>
                          <Answer
                            questionId={question.id}
                            organisationId={org}
                            n={index() + 1}
                            hideLabel
                          />
                        </td>
                      )}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={editable()}>
        <button
          type="button"
          class="button"
          onClick={() => addMatrixQuestion(group.doc, props.meetingId)}
        >
          {t('matrix.add')}
        </button>
      </Show>
      <UndoOffer undo={removal} ref={(button) => (undoButton = button)} />
      <Show when={asking()}>
        {(question) => (
          <ConfirmDialog
            title={t('matrix.removeTitle', { n: question().n })}
            text={t('matrix.removeText')}
            confirmLabel={t('remove.confirm')}
            cancelLabel={t('remove.cancel')}
            failedText={t('error.generic')}
            danger
            onConfirm={() => confirmRemoval(question().id)}
            onClose={(confirmed) => {
              setAsking(null)
              // The removed row's button is gone: focus goes to the undo offer instead.
              queueMicrotask(() => (confirmed ? undoButton : removeButton)?.focus())
            }}
          />
        )}
      </Show>
    </div>
  )
}
