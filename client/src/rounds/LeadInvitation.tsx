import { createSignal, createUniqueId, For, Show } from 'solid-js'
import type { LeadInvitationResponse, RoundLead, RoundSummary } from '../../../shared/rounds-api.ts'
import { useI18n } from '../i18n/context.tsx'
import { CopyField } from '../members/CopyField.tsx'
import { errorMessageKey } from '../pages/errors.ts'
import { leadInvitationMail } from './lead-invitation-mail.ts'
import { roundsApi } from './rounds-client.ts'

/** How long the link may hold (the server takes 1–30 days; 7 is its default). */
const dayChoices = [1, 3, 7, 14, 30] as const

interface Created extends LeadInvitationResponse {
  round: string | null
}

/**
 * "Bjud in omgångsledare" on /omgang, for a lead over every round only (the server refuses
 * the others): every round or one, how many days; the link is shown once, with the ready
 * Swedish e-mail text.
 */
export function LeadInvitation(props: { lead: RoundLead; rounds: readonly RoundSummary[] }) {
  const { t } = useI18n()
  const id = createUniqueId()
  const [open, setOpen] = createSignal(false)
  const [scope, setScope] = createSignal<'all' | 'one'>('all')
  const [cohortId, setCohortId] = createSignal('')
  const [days, setDays] = createSignal(7)
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)
  const [created, setCreated] = createSignal<Created | null>(null)
  let heading: HTMLHeadingElement | undefined
  let opener: HTMLButtonElement | undefined

  const chosenRound = () =>
    scope() === 'one' ? (props.rounds.find((r) => r.id === cohortId()) ?? props.rounds[0]) : null

  const create = async (event: SubmitEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const round = chosenRound()
    try {
      const answer = await roundsApi.inviteLead({ cohortId: round?.id ?? null, days: days() })
      setCreated({ ...answer, round: round?.name ?? null })
      queueMicrotask(() => heading?.focus())
    } catch (failure) {
      setError(t(errorMessageKey(failure)))
    } finally {
      setBusy(false)
    }
  }

  const close = () => {
    setOpen(false)
    setCreated(null)
    queueMicrotask(() => opener?.focus())
  }

  const mail = (made: Created) => {
    const { subject, body } = leadInvitationMail({
      url: made.url,
      expiresAt: made.expiresAt,
      round: made.round,
      sender: props.lead.displayName,
    })
    return `Ämne: ${subject}\n\n${body}`
  }

  return (
    <section class="lead-invitation" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={heading} tabindex="-1">
        {created() ? t('rounds.leadInvite.created') : t('rounds.leadInvite.title')}
      </h2>
      <Show
        when={open()}
        fallback={
          <button ref={opener} type="button" class="button" onClick={() => setOpen(true)}>
            {t('rounds.leadInvite.open')}
          </button>
        }
      >
        <Show
          when={created()}
          keyed
          fallback={
            <form onSubmit={create} novalidate>
              <p class="hint">{t('rounds.leadInvite.intro')}</p>
              <fieldset class="field">
                <legend>{t('rounds.leadInvite.scope')}</legend>
                <label class="choice">
                  <input
                    type="radio"
                    name={`${id}-scope`}
                    checked={scope() === 'all'}
                    onChange={() => setScope('all')}
                  />
                  {t('rounds.leadInvite.scopeAll')}
                </label>
                <Show when={props.rounds.length > 0}>
                  <label class="choice">
                    <input
                      type="radio"
                      name={`${id}-scope`}
                      checked={scope() === 'one'}
                      onChange={() => setScope('one')}
                    />
                    {t('rounds.leadInvite.scopeOne')}
                  </label>
                </Show>
              </fieldset>
              <div class="form-grid">
                <Show when={scope() === 'one'}>
                  <div class="field">
                    <label for={`${id}-round`}>{t('rounds.leadInvite.round')}</label>
                    <select
                      id={`${id}-round`}
                      value={chosenRound()?.id ?? ''}
                      onChange={(event) => setCohortId(event.currentTarget.value)}
                    >
                      <For each={props.rounds}>
                        {(round) => <option value={round.id}>{round.name}</option>}
                      </For>
                    </select>
                  </div>
                </Show>
                <div class="field">
                  <label for={`${id}-days`}>{t('rounds.leadInvite.days')}</label>
                  <select
                    id={`${id}-days`}
                    value={String(days())}
                    onChange={(event) => setDays(Number(event.currentTarget.value))}
                  >
                    <For each={dayChoices}>
                      {(n) => (
                        <option value={String(n)}>{t('rounds.leadInvite.dayCount', { n })}</option>
                      )}
                    </For>
                  </select>
                </div>
              </div>
              <Show when={error()}>
                <p class="error" role="alert">
                  {error()}
                </p>
              </Show>
              <div class="actions">
                <button class="button primary" type="submit" disabled={busy()}>
                  {t('rounds.leadInvite.create')}
                </button>
                <button type="button" class="button subtle" onClick={close}>
                  {t('members.cancel')}
                </button>
              </div>
            </form>
          }
        >
          {(made) => (
            <div class="invitation-result" data-testid="lead-invitation">
              <p>{t('invite.created')}</p>
              <CopyField
                label={t('invite.link')}
                copyLabel={t('invite.copyLink')}
                value={made.url}
                testId="lead-invitation-link"
              />
              <CopyField
                label={t('invite.mail')}
                copyLabel={t('invite.copyMail')}
                value={mail(made)}
                multiline
                testId="lead-invitation-mail"
              />
              <button type="button" class="button" onClick={close}>
                {t('invite.done')}
              </button>
            </div>
          )}
        </Show>
      </Show>
    </section>
  )
}
