import { useNavigate } from '@solidjs/router'
import { createResource, Show, type JSX } from 'solid-js'
import type { RoundLead } from '../../../shared/rounds-api.ts'
import { ApiFailure } from '../api/client.ts'
import { Page } from '../components/Page.tsx'
import { useI18n } from '../i18n/context.tsx'
import { roundsApi } from './rounds-client.ts'
import '../styles/rounds.css'

/**
 * The frame of the round lead's pages: the lead's session is read first; without one the
 * page says how to get in (a link from SKR's round lead) instead of showing forms it would
 * refuse. The header names the lead and offers signing out.
 */
export function LeadFrame(props: { children: (lead: RoundLead) => JSX.Element }) {
  const { t } = useI18n()
  const navigate = useNavigate()
  const [session] = createResource(async () => {
    try {
      return (await roundsApi.session()).lead
    } catch (failure) {
      if (failure instanceof ApiFailure && (failure.status === 401 || failure.status === 403))
        return null
      throw failure
    }
  })
  const signOut = async () => {
    await roundsApi.signOut().catch(() => undefined)
    navigate('/', { replace: true })
  }
  return (
    <Page
      actions={
        <Show when={session()}>
          {(lead) => (
            <>
              <span class="lead-name" data-testid="lead-name">
                {lead().displayName}
                <span class="hint"> · {t('lead.role')}</span>
              </span>
              <button type="button" class="button subtle" onClick={() => void signOut()}>
                {t('lead.signOut')}
              </button>
            </>
          )}
        </Show>
      }
    >
      <div class="rounds-page">
        <Show
          when={!session.error}
          fallback={
            <p role="alert" class="error">
              {t('error.generic')}
            </p>
          }
        >
          <Show
            when={session() !== undefined}
            fallback={<p aria-busy="true">{t('rounds.loading')}</p>}
          >
            <Show when={session()} fallback={<NotALead />}>
              {(lead) => props.children(lead())}
            </Show>
          </Show>
        </Show>
      </div>
    </Page>
  )
}

function NotALead() {
  const { t } = useI18n()
  return (
    <>
      <h1>{t('lead.notSignedInTitle')}</h1>
      <p role="alert">{t('lead.notSignedIn')}</p>
    </>
  )
}
