import { useParams } from '@solidjs/router'
import { createResource, createSignal, Show } from 'solid-js'
import { participantFunctionLabels } from '../../../shared/domain/labels.ts'
import type { PersonResponse } from '../../../shared/privacy-api.ts'
import { ConfirmDialog } from '../components/ConfirmDialog.tsx'
import { useI18n } from '../i18n/context.tsx'
import { errorMessageKey } from '../pages/errors.ts'
import { LeadFrame } from '../rounds/LeadFrame.tsx'
import { moment } from '../rounds/format.ts'
import { personName } from './person-name.ts'
import { logPath, personExportUrl, privacyApi } from './privacy-client.ts'
import '../styles/members.css'
import '../styles/privacy.css'

/**
 * `/omgang/:cohortId/person/:participantId`: what is stored about one person, for the
 * round lead: download it (a GDPR access request), or erase it (asked first).
 */
export function PersonPage() {
  const params = useParams<{ cohortId: string; participantId: string }>()
  return (
    <LeadFrame>
      {() => <Person cohortId={params.cohortId} participantId={params.participantId} />}
    </LeadFrame>
  )
}

function Person(props: { cohortId: string; participantId: string }) {
  const { t } = useI18n()
  const [person, { mutate }] = createResource(
    () => [props.cohortId, props.participantId] as const,
    ([cohortId, participantId]) => privacyApi.person(cohortId, participantId),
  )
  return (
    <>
      <p>
        <a href={logPath(props.cohortId, person()?.group.id)}>{t('privacy.backToLog')}</a>
      </p>
      <Show
        when={!person.error}
        fallback={
          <>
            <h1>{t('privacy.unavailable')}</h1>
            <p role="alert">{t(errorMessageKey(person.error))}</p>
          </>
        }
      >
        <Show when={person()} fallback={<p aria-busy="true">{t('privacy.loading')}</p>}>
          {(loaded) => (
            <PersonView
              cohortId={props.cohortId}
              person={loaded()}
              onErased={(erasedAt) =>
                mutate({
                  ...loaded(),
                  displayName: '',
                  organisationId: null,
                  organisationName: null,
                  function: null,
                  erasedAt,
                  removedAt: loaded().removedAt ?? erasedAt,
                })
              }
            />
          )}
        </Show>
      </Show>
    </>
  )
}

function PersonView(props: {
  cohortId: string
  person: PersonResponse
  onErased: (erasedAt: string) => void
}) {
  const { t, l, locale } = useI18n()
  const [asking, setAsking] = createSignal(false)
  const [done, setDone] = createSignal(false)
  let eraseButton: HTMLButtonElement | undefined
  let heading: HTMLHeadingElement | undefined
  const name = () => personName(props.person.displayName, t)
  const erase = async () => {
    const erased = await privacyApi.erase(props.cohortId, props.person.id)
    props.onErased(erased.erasedAt)
  }
  const none = () => <span class="hint">{t('privacy.person.none')}</span>

  return (
    <>
      <h1 ref={heading} tabindex="-1">
        {name()}
        <span class="hint"> · {t('privacy.person.title')}</span>
      </h1>
      <Show when={done()}>
        <p role="status" class="notice" data-testid="erased-notice">
          {t('privacy.person.erased')}
        </p>
      </Show>
      <dl class="facts person-facts">
        <div>
          <dt>{t('privacy.person.group')}</dt>
          <dd>{props.person.group.name}</dd>
        </div>
        <div>
          <dt>{t('privacy.person.organisation')}</dt>
          <dd>{props.person.organisationName ?? none()}</dd>
        </div>
        <div>
          <dt>{t('privacy.person.function')}</dt>
          <dd>
            <Show when={props.person.function} fallback={none()}>
              {(fn) => l(participantFunctionLabels[fn()])}
            </Show>
          </dd>
        </div>
        <div>
          <dt>{t('privacy.person.role')}</dt>
          <dd>{t(`role.${props.person.role}`)}</dd>
        </div>
        <div>
          <dt>{t('privacy.person.joined')}</dt>
          <dd>{moment(props.person.joinedAt, locale())}</dd>
        </div>
        <Show when={props.person.removedAt && !props.person.erasedAt}>
          <div>
            <dt>{t('privacy.person.removedAt')}</dt>
            <dd>{moment(props.person.removedAt!, locale())}</dd>
          </div>
        </Show>
        <Show when={props.person.erasedAt}>
          {(erasedAt) => (
            <div>
              <dt>{t('privacy.person.erasedAt')}</dt>
              <dd>{moment(erasedAt(), locale())}</dd>
            </div>
          )}
        </Show>
      </dl>
      <section class="card" aria-labelledby="export-heading">
        <h2 id="export-heading">{t('privacy.person.export')}</h2>
        <p class="hint">{t('privacy.person.exportHint')}</p>
        <a
          class="button"
          href={personExportUrl(props.cohortId, props.person.id)}
          download=""
          data-testid="person-export"
        >
          {t('privacy.person.export')}
        </a>
      </section>
      <Show when={!props.person.erasedAt}>
        <section class="card" aria-labelledby="erase-heading">
          <h2 id="erase-heading">{t('privacy.person.erase')}</h2>
          <p class="hint">{t('privacy.person.eraseHint')}</p>
          <button
            ref={eraseButton}
            type="button"
            class="button danger"
            onClick={() => setAsking(true)}
          >
            {t('privacy.person.erase')}
          </button>
        </section>
      </Show>
      <Show when={asking()}>
        <ConfirmDialog
          title={t('privacy.person.confirmTitle', { name: name() })}
          text={t('privacy.person.confirmText')}
          confirmLabel={t('privacy.person.confirmYes')}
          cancelLabel={t('privacy.person.cancel')}
          failedText={t('privacy.person.eraseFailed')}
          danger
          onConfirm={erase}
          onClose={(confirmed) => {
            setAsking(false)
            if (confirmed) setDone(true)
            // The erase button is gone once erased: the heading, with the notice, takes focus.
            queueMicrotask(() => (confirmed ? heading : eraseButton)?.focus())
          }}
        />
      </Show>
    </>
  )
}
