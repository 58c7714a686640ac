import { createEffect, createSignal, Match, Show, Switch } from 'solid-js'
import type { OrganisationSummary } from '../../../shared/api.ts'
import type { ChecklistPhase } from '../../../shared/domain/checklist.ts'
import { getChecklistVersion } from '../../../shared/domain/checklist-versions.ts'
import { Role } from '../../../shared/roles.ts'
import { api, ApiFailure } from '../api/client.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { createRoundStatus, type SealedRoundState } from './sealed-round.ts'
import { SealedProgress } from './SealedProgress.tsx'
import { SealedReveal } from './SealedReveal.tsx'
import { SealedScoreSheet } from './SealedScoreSheet.tsx'
import '../styles/sealed.css'

/**
 * The checklist's sealed scoring round (private, then reveal): self-assessment scores
 * anchor on whoever scores first, so while a round is open each organisation scores where
 * the others cannot read it, everyone sees who is done, and the facilitator reveals all at
 * once. The checklist itself is hidden meanwhile (ChecklistPanel), since the relay refuses
 * writes to the phase; after the reveal the scores are in the document, shown there.
 */
export function SealedScoring(props: {
  meetingId: string
  phase: ChecklistPhase
  /** The organisations that score (benchmarking), in the checklist's order. */
  organisations: OrganisationSummary[]
  state: SealedRoundState
}) {
  const group = useGroup()
  const { t } = useI18n()
  const round = createRoundStatus(group.room, () => props.state.round())
  const version = () => getChecklistVersion(group.group()?.cohort.checklistVersion ?? 'skr-2019')
  const [starting, setStarting] = createSignal(false)
  const [failure, setFailure] = createSignal<string | null>(null)
  const [revealedHere, setRevealedHere] = createSignal(false)
  const [revealedNote, setRevealedNote] = createSignal<HTMLElement>()
  // After revealing, the button is gone: focus goes to the note that says what happened
  // (whichever comes first, the server's answer or the document's change).
  createEffect(() => {
    if (revealedHere()) revealedNote()?.focus()
  })

  const ownOrganisation = () => {
    if (group.session.role === Role.Viewer) return undefined
    const id = group.session.participant.organisationId
    return props.organisations.find((org) => org.id === id)
  }
  const notDone = () =>
    props.organisations.filter(
      (org) => !round.status()?.organisations.find((o) => o.organisationId === org.id && o.done),
    ).length

  const start = async () => {
    setStarting(true)
    setFailure(null)
    setRevealedHere(false)
    try {
      await round.accept(api.openScoring(group.room, props.meetingId))
    } catch (error) {
      setFailure(error instanceof ApiFailure ? error.message : String(error))
    } finally {
      setStarting(false)
    }
  }
  const reveal = async () => {
    const current = props.state.round()
    if (!current) return
    await round.accept(api.revealScoring(group.room, current.roundId))
    setRevealedHere(true)
  }

  return (
    <Show
      when={props.state.sealed() && props.state.round()}
      fallback={
        <Show when={group.facilitator || props.state.round()?.state === 'revealed'}>
          <div class="sealed-scoring" data-testid="sealed-scoring">
            <Show when={props.state.round()?.state === 'revealed'}>
              <p class="sealed-revealed" tabindex="-1" ref={setRevealedNote}>
                {t('sealed.revealedNote')}
              </p>
            </Show>
            <Show when={group.facilitator}>
              <div class="sealed-start">
                <button
                  type="button"
                  class="button"
                  disabled={starting()}
                  onClick={() => void start()}
                >
                  {t('sealed.start')}
                </button>
                <p class="hint">{t('sealed.startHint')}</p>
              </div>
              <Show when={failure()}>
                <p class="error" role="alert">
                  {t('sealed.startFailed')}
                </p>
              </Show>
            </Show>
          </div>
        </Show>
      }
    >
      {(open) => (
        <section
          class="sealed-scoring sealed-open"
          aria-labelledby="sealed-heading"
          data-testid="sealed-scoring"
        >
          <h4 id="sealed-heading">{t('sealed.title')}</h4>
          <p class="sealed-note" data-testid="sealed-note">
            {t('sealed.note')}
          </p>
          <Show when={group.facilitator}>
            <div class="sealed-facilitator">
              <SealedReveal notDone={notDone()} reveal={reveal} />
            </div>
          </Show>
          <SealedProgress
            organisations={props.organisations}
            status={round.status()}
            items={version().items.length}
            showCounts={group.facilitator}
          />
          <Show when={round.failed()}>
            <p class="hint">{t('sealed.loadFailed')}</p>
          </Show>
          <Switch>
            <Match when={ownOrganisation()}>
              {(org) => (
                <Show when={`${open().roundId}|${org().id}`} keyed>
                  <SealedScoreSheet
                    org={org()}
                    roundId={open().roundId}
                    phase={props.phase}
                    version={version()}
                    round={round}
                  />
                </Show>
              )}
            </Match>
            <Match when={group.session.role === Role.Viewer}>
              <p class="hint">{t('sealed.viewer')}</p>
            </Match>
            <Match when={!group.facilitator}>
              <p class="hint">{t('sealed.noOrganisation')}</p>
            </Match>
          </Switch>
        </section>
      )}
    </Show>
  )
}
