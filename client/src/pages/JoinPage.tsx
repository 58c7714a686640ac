import { useNavigate } from '@solidjs/router'
import { createResource, createSignal, For, Show } from 'solid-js'
import {
  DISPLAY_NAME_MAX_LENGTH,
  displayNameProblem,
  type DisplayNameProblem,
} from '../../../shared/domain/display-name.ts'
import { groupMemberRoleLabels, participantFunctionLabels } from '../../../shared/domain/labels.ts'
import {
  participantFunctions,
  type ParticipantFunction,
} from '../../../shared/domain/participant.ts'
import type { InvitePreviewResponse } from '../../../shared/api.ts'
import { api } from '../api/client.ts'
import { Page } from '../components/Page.tsx'
import { useI18n } from '../i18n/context.tsx'
import { errorMessageKey } from './errors.ts'
import { rememberGroup } from './last-group.ts'

/** The server's rule for names (shared/domain/display-name.ts), said in the UI's words. */
const nameProblemKey = {
  empty: 'join.nameRequired',
  too_long: 'join.nameTooLong',
  invisible: 'join.nameInvisible',
  control: 'join.nameControl',
  bidi: 'join.nameBidi',
} as const satisfies Record<DisplayNameProblem, string>

/**
 * `/join#<token>`: the token stays in the fragment, so it never reaches server logs. A
 * browser that already belongs to the group (the server saw its session cookie) is offered
 * the way in instead of a form that would make the same person a second member.
 */
export function JoinPage() {
  const { t, l } = useI18n()
  const navigate = useNavigate()
  const token = decodeURIComponent(location.hash.replace(/^#/, ''))
  // `?m=<meetingId>`: joined from a meeting's projector QR code, so straight to its board.
  const meetingId = new URLSearchParams(location.search).get('m')
  const landing = (room: string) =>
    `/g/${encodeURIComponent(room)}` +
    (meetingId && /^[A-Za-z0-9_-]{1,100}$/.test(meetingId)
      ? `/m/${encodeURIComponent(meetingId)}`
      : '')
  const [preview] = createResource(
    () => token || false,
    (invite) => api.previewInvite(invite),
  )
  const [name, setName] = createSignal('')
  const [organisationId, setOrganisationId] = createSignal('')
  const [role, setRole] = createSignal<ParticipantFunction | ''>('')
  const [error, setError] = createSignal<string | null>(null)
  const [nameInvalid, setNameInvalid] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const [someoneElse, setSomeoneElse] = createSignal(false)

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    const problem = displayNameProblem(name().trim())
    setNameInvalid(problem !== null)
    if (problem) return setError(t(nameProblemKey[problem]))
    setBusy(true)
    setError(null)
    try {
      const joined = await api.join({
        invite: token,
        name: name().trim(),
        // An invitation for one organisation makes its members that organisation's.
        organisationId: preview()?.organisationId ? undefined : organisationId() || undefined,
        function: role() || undefined,
      })
      rememberGroup(joined.room, preview()?.group.name ?? joined.room)
      navigate(landing(joined.room), { replace: true })
    } catch (failure) {
      setError(t(errorMessageKey(failure)))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page>
      <Show when={token} fallback={<p role="alert">{t('join.noToken')}</p>}>
        <Show
          when={!preview.error}
          fallback={
            <>
              <h1>{t('needInvite.title')}</h1>
              <p role="alert">{t(errorMessageKey(preview.error))}</p>
            </>
          }
        >
          <Show when={preview()} fallback={<p aria-busy="true">{t('join.loading')}</p>}>
            {(invite) => (
              <Show when={!someoneElse() && invite().member} fallback={form(invite)}>
                {(member) => (
                  <div class="card join-form" data-testid="already-member">
                    <h1>{t('join.alreadyTitle', { group: invite().group.name })}</h1>
                    <p>
                      {t('join.alreadyText', {
                        name: member().displayName,
                        role: t(`role.${member().role}`),
                      })}
                    </p>
                    <p>
                      <a
                        class="button primary"
                        href={`/g/${encodeURIComponent(invite().group.room)}`}
                        onClick={() => rememberGroup(invite().group.room, invite().group.name)}
                      >
                        {t('join.continue')}
                      </a>
                    </p>
                    <p>
                      <button
                        type="button"
                        class="button subtle"
                        onClick={() => setSomeoneElse(true)}
                      >
                        {t('join.someoneElse', { name: member().displayName })}
                      </button>
                    </p>
                  </div>
                )}
              </Show>
            )}
          </Show>
        </Show>
      </Show>
    </Page>
  )

  function form(invite: () => InvitePreviewResponse) {
    const invitedFor = () =>
      invite().organisations.find((org) => org.id === invite().organisationId)
    return (
      <form class="card join-form" onSubmit={submit} novalidate>
        <h1>{t('join.title', { group: invite().group.name })}</h1>
        <p>{t('join.role', { role: t(`role.${invite().role}`) })}</p>
        <Show when={invite().role === 'viewer'}>
          <p>{t('join.viewerNote')}</p>
        </Show>
        <div class="field">
          <label for="join-name">{t('join.name')}</label>
          <input
            id="join-name"
            name="name"
            autocomplete="name"
            required
            maxlength={DISPLAY_NAME_MAX_LENGTH}
            aria-describedby="join-name-hint"
            aria-invalid={nameInvalid() || undefined}
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <span id="join-name-hint" class="hint">
            {t('join.nameHint')}
          </span>
        </div>
        <Show when={invitedFor()}>
          {(org) => <p>{t('join.forOrganisation', { org: org().name })}</p>}
        </Show>
        <div class="field" hidden={Boolean(invitedFor())}>
          <label for="join-organisation">{t('join.organisation')}</label>
          <select
            id="join-organisation"
            value={organisationId()}
            onChange={(e) => setOrganisationId(e.currentTarget.value)}
          >
            <option value="">{t('join.organisationNone')}</option>
            <For each={invite().organisations}>
              {(org) => (
                <option value={org.id}>
                  {org.memberRole === 'benchmarking'
                    ? org.name
                    : `${org.name} (${l(groupMemberRoleLabels[org.memberRole]).toLowerCase()})`}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="join-function">{t('join.function')}</label>
          <select
            id="join-function"
            value={role()}
            onChange={(e) => setRole(e.currentTarget.value as ParticipantFunction | '')}
          >
            <option value="">{t('join.functionNone')}</option>
            <For each={participantFunctions}>
              {(fn) => <option value={fn}>{l(participantFunctionLabels[fn])}</option>}
            </For>
          </select>
        </div>
        <Show when={error()}>
          <p class="error" role="alert">
            {error()}
          </p>
        </Show>
        <button class="button primary" type="submit" disabled={busy()}>
          {t('join.submit')}
        </button>
      </form>
    )
  }
}
