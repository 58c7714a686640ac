import { For, Show } from 'solid-js'
import type { ChecklistVersion } from '../../../shared/domain/checklist-versions.ts'
import { pdsaStatusLabels } from '../../../shared/domain/pdsa.ts'
import type { HistoryMeeting } from '../../../shared/history-api.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'

/**
 * A meeting's parts as a version holds them, for reading: plain lists and tables, no
 * controls (the board's panels write into the live document, so they are not reused).
 */
export function AgendaPart(props: { meeting: HistoryMeeting }) {
  const { t } = useI18n()
  const group = useGroup()
  return (
    <Show when={props.meeting.agenda.length > 0} fallback={<p>{t('history.noAgenda')}</p>}>
      <ol>
        <For each={props.meeting.agenda}>
          {(item) => (
            <li>
              <span class="version-text">{item.title || t('agenda.untitled')}</span>
              {' · '}
              {t('history.minutes', { n: item.minutes })}
              <Show when={item.responsibleOrganisationId}>
                {(org) => <> · {group.organisation(org())?.name ?? ''}</>}
              </Show>
              <Show when={item.done}> · {t('history.done')}</Show>
            </li>
          )}
        </For>
      </ol>
    </Show>
  )
}

export function MatrixPart(props: { meeting: HistoryMeeting }) {
  const { t } = useI18n()
  const group = useGroup()
  const matrix = () => props.meeting.matrix
  return (
    <Show when={matrix().questions.length > 0} fallback={<p>{t('history.noQuestions')}</p>}>
      <div class="table-scroll" tabindex="0" role="region" aria-label={t('board.matrix')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('matrix.question')}</th>
              <For each={matrix().organisationIds}>
                {(org) => <th scope="col">{group.organisation(org)?.name ?? org}</th>}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={matrix().questions}>
              {(question) => (
                <tr>
                  <th scope="row" class="version-text">
                    {question.text}
                  </th>
                  <For each={matrix().organisationIds}>
                    {(org) => (
                      <td class="version-text">{matrix().answers[question.id]?.[org] ?? ''}</td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  )
}

export function PlansPart(props: { meeting: HistoryMeeting }) {
  const { t, l } = useI18n()
  const group = useGroup()
  return (
    <Show when={props.meeting.plans.length > 0} fallback={<p>{t('history.noPlans')}</p>}>
      <ul>
        <For each={props.meeting.plans}>
          {(plan) => (
            <li>
              <strong>
                {t('pdsa.plan', { n: plan.number })} –{' '}
                {group.organisation(plan.organisationId)?.name ?? ''}
              </strong>{' '}
              ({l(pdsaStatusLabels[plan.status])})
              <Show when={plan.fields.aim}>
                <p class="version-text">{plan.fields.aim}</p>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  )
}

export function ChecklistPart(props: { meeting: HistoryMeeting; version: ChecklistVersion }) {
  const { t, l } = useI18n()
  const group = useGroup()
  const organisations = () => props.meeting.checklist?.organisations ?? []
  const itemText = (id: string) => {
    const index = props.version.items.findIndex((item) => item.id === id)
    const item = props.version.items[index]
    return item ? `${index + 1}. ${l(item.text)}` : id
  }
  return (
    <For each={organisations()} fallback={<p>{t('history.noScores')}</p>}>
      {(org) => {
        const rows = () => org.rows.filter((row) => row.score !== null || row.comment)
        return (
          <>
            <h4>{group.organisation(org.organisationId)?.name ?? org.organisationId}</h4>
            <Show when={rows().length > 0} fallback={<p>{t('history.noScores')}</p>}>
              <div
                class="table-scroll"
                tabindex="0"
                role="region"
                aria-label={t('board.checklist')}
              >
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('history.item')}</th>
                      <th scope="col">{t('history.score')}</th>
                      <th scope="col">{t('history.comment')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={rows()}>
                      {(row) => (
                        <tr>
                          <th scope="row">{itemText(row.itemId)}</th>
                          <td>{row.score ?? '–'}</td>
                          <td class="version-text">{row.comment}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          </>
        )
      }}
    </For>
  )
}
