import { createEffect, For, Match, Switch, untrack } from 'solid-js'
import type { OrganisationSummary } from '../../../shared/api.ts'
import type { ChecklistPhase } from '../../../shared/domain/checklist.ts'
import type { ChecklistVersion } from '../../../shared/domain/checklist-versions.ts'
import type { SealedScore } from '../../../shared/scoring-api.ts'
import { readChecklist } from '../../../shared/workspace/index.ts'
import { api } from '../api/client.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import type { RoundStatus } from './sealed-round.ts'
import { createSealedSheet } from './sealed-sheet.ts'
import { ScoreInput } from './ScoreInput.tsx'

/**
 * A member's own organisation's sealed scores: the ten items, each a 1–3 score and a
 * comment, kept on the server where the other organisations cannot read them, and the
 * organisation's "Vi är klara". What the document already held for the phase (scored in
 * the open before the round) is the starting point, as it is what shows if left alone.
 */
export function SealedScoreSheet(props: {
  org: OrganisationSummary
  roundId: string
  phase: ChecklistPhase
  version: ChecklistVersion
  round: RoundStatus
}) {
  const group = useGroup()
  const { t, l } = useI18n()
  // The sheet belongs to one round and one organisation (the parent keys it by both), and
  // starts from what the document held when it opened.
  const { roundId, organisationId, round, before } = untrack(() => ({
    roundId: props.roundId,
    organisationId: props.org.id,
    round: props.round,
    before: new Map(
      readChecklist(group.doc, props.version, props.org.id, props.phase).map((row) => [
        row.itemId,
        row,
      ]),
    ),
  }))
  const sheet = createSealedSheet({
    organisationId,
    initial: (itemId): SealedScore => ({
      score: before.get(itemId)?.score ?? null,
      comment: before.get(itemId)?.comment ?? '',
    }),
    save: (input) => round.accept(api.setSealedScore(group.room, roundId, input)),
  })
  createEffect(() => sheet.receive(round.status()?.scores[organisationId]))

  const done = () =>
    round.status()?.organisations.find((o) => o.organisationId === organisationId)?.done ?? false
  const setDone = (value: boolean) =>
    round
      .accept(api.setSealedDone(group.room, roundId, { organisationId, done: value }))
      .catch(() => round.refresh())

  return (
    <div class="sealed-sheet">
      <p>{t('sealed.yourOrg', { org: props.org.name })}</p>
      <ol class="sealed-items">
        <For each={props.version.items}>
          {(item, index) => {
            const commentId = `sealed-comment-${item.id}`
            return (
              <li class="sealed-item">
                <p class="item-text" id={`sealed-item-${item.id}`}>
                  <span class="item-number">{index() + 1}.</span> {l(item.text)}
                </p>
                <ScoreInput
                  name={`sealed-score-${item.id}`}
                  legend={t('checklist.score', { org: props.org.name, n: index() + 1 })}
                  value={sheet.draft(item.id).score}
                  readOnly={sheet.saveState() === 'closed'}
                  testId={`sealed-score-${organisationId}-${item.id}`}
                  onChange={(score) => sheet.setScore(item.id, score)}
                />
                <div class="sealed-comment">
                  <label class="sealed-comment-label" for={commentId}>
                    <span aria-hidden="true">{t('sealed.comment')}</span>
                    <span class="visually-hidden">
                      {t('checklist.comment', { org: props.org.name, n: index() + 1 })}
                    </span>
                  </label>
                  <textarea
                    id={commentId}
                    rows={2}
                    maxLength={2000}
                    value={sheet.draft(item.id).comment}
                    readOnly={sheet.saveState() === 'closed'}
                    onInput={(event) => sheet.setComment(item.id, event.currentTarget.value)}
                    onBlur={() => sheet.flush(item.id)}
                  />
                </div>
              </li>
            )
          }}
        </For>
      </ol>
      <p class="sealed-save" role="status" data-testid="sealed-save-state">
        <Switch>
          <Match when={sheet.saveState() === 'saving'}>{t('sealed.saving')}</Match>
          <Match when={sheet.saveState() === 'saved'}>{t('sealed.saved')}</Match>
          <Match when={sheet.saveState() === 'failed'}>
            <span class="error">{t('sealed.saveFailed')}</span>
          </Match>
          <Match when={sheet.saveState() === 'closed'}>{t('sealed.closed')}</Match>
        </Switch>
      </p>
      <div class="sealed-done">
        <label class="check">
          <input
            type="checkbox"
            checked={done()}
            disabled={sheet.saveState() === 'closed' || !round.status()}
            onChange={(event) => void setDone(event.currentTarget.checked)}
          />
          {t('sealed.weAreDone')}
        </label>
        <p class="hint">{t('sealed.doneHint')}</p>
      </div>
    </div>
  )
}
