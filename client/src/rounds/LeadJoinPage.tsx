import { useNavigate } from '@solidjs/router'
import { createResource, createSignal, Show } from 'solid-js'
import { DISPLAY_NAME_MAX_LENGTH, displayNameProblem } from '../../../shared/domain/display-name.ts'
import { ApiFailure } from '../api/client.ts'
import { Page } from '../components/Page.tsx'
import { useI18n } from '../i18n/context.tsx'
import { roundsApi } from './rounds-client.ts'
import '../styles/rounds.css'

/** The messages for a lead link that does not work, by the server's code. */
const linkProblem = (failure: unknown) => {
  if (!(failure instanceof ApiFailure)) return 'error.generic' as const
  switch (failure.code) {
    case 'invite_not_found':
    case 'invite_revoked':
    case 'invite_expired':
    case 'invite_used_up':
      return `lead.error.${failure.code}` as const
    case 'rate_limited':
      return 'lead.error.rate_limited' as const
    case 'bad_request':
      return failure.issues.some((issue) => issue.path[0] === 'displayName')
        ? ('lead.nameInvalid' as const)
        : ('lead.error.invite_not_found' as const)
    default:
      return 'error.generic' as const
  }
}

/**
 * `/leda#<token>`: a one-time round lead link (from the CLI's admin-invite or another round
 * lead). The token stays in the fragment, out of server logs. A browser already signed in
 * as a round lead is offered its rounds instead of a form that would spend the link.
 */
export function LeadJoinPage() {
  const { t } = useI18n()
  const navigate = useNavigate()
  const token = decodeURIComponent(location.hash.replace(/^#/, ''))
  const [current] = createResource(() =>
    roundsApi.session().then(
      (answer) => answer.lead,
      () => null,
    ),
  )
  const [name, setName] = createSignal('')
  const [error, setError] = createSignal<string | null>(null)
  const [nameError, setNameError] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const [another, setAnother] = createSignal(false)

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    if (displayNameProblem(name().trim())) {
      setNameError(true)
      setError(t('lead.nameInvalid'))
      return document.getElementById('lead-name')?.focus()
    }
    setNameError(false)
    setBusy(true)
    setError(null)
    try {
      await roundsApi.join({ token, displayName: name().trim() })
      navigate('/omgang', { replace: true })
    } catch (failure) {
      const key = linkProblem(failure)
      setNameError(key === 'lead.nameInvalid')
      setError(t(key))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page>
      <div class="rounds-page">
        <Show when={token} fallback={<p role="alert">{t('lead.noToken')}</p>}>
          <Show
            when={current() !== undefined}
            fallback={<p aria-busy="true">{t('rounds.loading')}</p>}
          >
            <Show when={!another() && current()} fallback={form()}>
              {(lead) => (
                <div class="card join-form" data-testid="lead-already">
                  <h1>{t('lead.alreadyTitle')}</h1>
                  <p>{t('lead.alreadyText', { name: lead().displayName })}</p>
                  <p>
                    <a class="button primary" href="/omgang">
                      {t('lead.toRounds')}
                    </a>
                  </p>
                  <p>
                    <button type="button" class="button subtle" onClick={() => setAnother(true)}>
                      {t('lead.useLinkAnyway')}
                    </button>
                  </p>
                </div>
              )}
            </Show>
          </Show>
        </Show>
      </div>
    </Page>
  )

  function form() {
    return (
      <form class="card join-form" onSubmit={submit} novalidate>
        <h1>{t('lead.joinTitle')}</h1>
        <p>{t('lead.joinIntro')}</p>
        <div class="field">
          <label for="lead-name">{t('lead.name')}</label>
          <span id="lead-name-hint" class="hint">
            {t('lead.nameHint')}
          </span>
          <input
            id="lead-name"
            name="name"
            autocomplete="name"
            required
            maxlength={DISPLAY_NAME_MAX_LENGTH}
            aria-describedby={nameError() ? 'lead-name-hint lead-join-error' : 'lead-name-hint'}
            aria-invalid={nameError() || undefined}
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </div>
        <Show when={error()}>
          <p id="lead-join-error" class="error" role="alert">
            {error()}
          </p>
        </Show>
        <button class="button primary" type="submit" disabled={busy()}>
          {t('lead.joinSubmit')}
        </button>
      </form>
    )
  }
}
