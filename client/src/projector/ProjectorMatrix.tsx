import { For, Show } from 'solid-js'
import { readMatrix } from '../../../shared/workspace/matrix.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { createYSnapshot } from '../sync/snapshot.ts'

/** The comparison matrix read-only: each question with every organisation's answer beside it. */
export function ProjectorMatrix(props: { meetingId: string }) {
  const group = useGroup()
  const { t } = useI18n()
  const matrix = createYSnapshot(group.doc, () => readMatrix(group.doc, props.meetingId))
  return (
    <table class="projector-table" data-testid="projector-matrix">
      <thead>
        <tr>
          <th scope="col">{t('matrix.question')}</th>
          <For each={matrix.value.organisationIds}>
            {(org) => <th scope="col">{group.organisation(org)?.name ?? org}</th>}
          </For>
        </tr>
      </thead>
      <tbody>
        <For each={matrix.value.questions}>
          {(question, index) => (
            <tr>
              <th scope="row">
                {index() + 1}. {question.text}
              </th>
              <For each={matrix.value.organisationIds}>
                {(org) => (
                  <td>
                    <Show
                      when={matrix.value.answers[question.id]?.[org]}
                      fallback={<span class="projector-missing">{t('projector.noAnswer')}</span>}
                    >
                      {(answer) => answer()}
                    </Show>
                  </td>
                )}
              </For>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  )
}
