import { createResource, createSignal, createUniqueId, For, Show } from 'solid-js'
import type {
  GroupWorkspaceResponse,
  InvitationResponse,
  OrganisationSummary,
} from '../../../shared/api.ts'
import { roles, type Role } from '../../../shared/roles.ts'
import { api } from '../api/client.ts'
import { useI18n } from '../i18n/context.tsx'
import { errorMessageKey } from '../pages/errors.ts'
import { qrCodeImage } from '../projector/join-qr.ts'
import { CopyField } from './CopyField.tsx'
import { invitationMail, nextMeetingOf } from './invitation-mail.ts'

interface Created extends InvitationResponse {
  role: Role
  maxUses: number
  organisation: OrganisationSummary | null
}

const wholeIn = (value: string, min: number, max: number): number | null => {
  const number = Number(value.trim())
  return Number.isInteger(number) && number >= min && number <= max ? number : null
}

/**
 * "Ny inbjudan": role, organisation (any or one of the group's), days valid and how many
 * may use it. The answer is shown once (the server keeps only the token's hash): the link
 * to copy, a QR code and a ready Swedish e-mail text.
 */
export function NewInvitation(props: {
  room: string
  workspace: GroupWorkspaceResponse
  sender: string
  onCreated: () => void
}) {
  const { t } = useI18n()
  const id = createUniqueId()
  const [role, setRole] = createSignal<Role>('participant')
  const [organisationId, setOrganisationId] = createSignal('')
  const [days, setDays] = createSignal('14')
  const [maxUses, setMaxUses] = createSignal('10')
  const [problem, setProblem] = createSignal<'days' | 'uses' | null>(null)
  const [error, setError] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  const [created, setCreated] = createSignal<Created | null>(null)
  const [qr] = createResource(() => created()?.url, qrCodeImage)
  let resultHeading: HTMLHeadingElement | undefined
  let daysInput: HTMLInputElement | undefined
  let usesInput: HTMLInputElement | undefined
  let createButton: HTMLButtonElement | undefined

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    const validDays = wholeIn(days(), 1, 90)
    const validUses = wholeIn(maxUses(), 1, 500)
    setProblem(validDays === null ? 'days' : validUses === null ? 'uses' : null)
    if (validDays === null) return daysInput?.focus()
    if (validUses === null) return usesInput?.focus()
    setBusy(true)
    setError(null)
    try {
      const organisation =
        props.workspace.organisations.find((org) => org.id === organisationId()) ?? null
      const answer = await api.createInvitation(props.room, {
        role: role(),
        days: validDays,
        maxUses: validUses,
        ...(organisation ? { organisationId: organisation.id } : {}),
      })
      setCreated({ ...answer, role: role(), maxUses: validUses, organisation })
      props.onCreated()
      resultHeading?.focus()
    } catch (failure) {
      setError(t(errorMessageKey(failure)))
    } finally {
      setBusy(false)
    }
  }

  const mail = (made: Created) => {
    const next = nextMeetingOf(props.workspace.meetings, new Date().toISOString().slice(0, 10))
    const host = props.workspace.organisations.find((org) => org.id === next?.hostOrganisationId)
    const { subject, body } = invitationMail({
      url: made.url,
      expiresAt: made.expiresAt,
      maxUses: made.maxUses,
      role: made.role,
      group: props.workspace.group.name,
      cohort: props.workspace.cohort.name,
      organisation: made.organisation?.name ?? null,
      nextMeeting: next,
      meetingHost: host?.name ?? null,
      sender: props.sender,
    })
    return `Ämne: ${subject}\n\n${body}`
  }

  return (
    <section class="card new-invitation" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('invite.new')}</h2>
      <form onSubmit={submit} novalidate>
        <div class="form-grid">
          <div class="field">
            <label for={`${id}-role`}>{t('invite.role')}</label>
            <select
              id={`${id}-role`}
              value={role()}
              onChange={(e) => setRole(e.currentTarget.value as Role)}
            >
              <For each={roles}>{(each) => <option value={each}>{t(`role.${each}`)}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for={`${id}-org`}>{t('invite.organisation')}</label>
            <select
              id={`${id}-org`}
              value={organisationId()}
              onChange={(e) => setOrganisationId(e.currentTarget.value)}
            >
              <option value="">{t('invite.organisationAny')}</option>
              <For each={props.workspace.organisations}>
                {(org) => <option value={org.id}>{org.name}</option>}
              </For>
            </select>
          </div>
          <div class="field">
            <label for={`${id}-days`}>{t('invite.days')}</label>
            <input
              id={`${id}-days`}
              ref={daysInput}
              type="number"
              inputmode="numeric"
              min="1"
              max="90"
              required
              value={days()}
              aria-invalid={problem() === 'days' || undefined}
              aria-describedby={`${id}-days-hint`}
              onInput={(e) => setDays(e.currentTarget.value)}
            />
            <span id={`${id}-days-hint`} class={problem() === 'days' ? 'error' : 'hint'}>
              {problem() === 'days' ? t('invite.invalidDays') : t('invite.daysHint')}
            </span>
          </div>
          <div class="field">
            <label for={`${id}-uses`}>{t('invite.maxUses')}</label>
            <input
              id={`${id}-uses`}
              ref={usesInput}
              type="number"
              inputmode="numeric"
              min="1"
              max="500"
              required
              value={maxUses()}
              aria-invalid={problem() === 'uses' || undefined}
              aria-describedby={`${id}-uses-hint`}
              onInput={(e) => setMaxUses(e.currentTarget.value)}
            />
            <span id={`${id}-uses-hint`} class={problem() === 'uses' ? 'error' : 'hint'}>
              {problem() === 'uses' ? t('invite.invalidUses') : t('invite.maxUsesHint')}
            </span>
          </div>
        </div>
        <Show when={error()}>
          <p class="error" role="alert">
            {error()}
          </p>
        </Show>
        <button ref={createButton} class="button primary" type="submit" disabled={busy()}>
          {t('invite.create')}
        </button>
      </form>
      <Show when={created()} keyed>
        {(made) => (
          <div class="invitation-result" data-testid="invitation-result">
            <h3 ref={resultHeading} tabindex="-1">
              {t('invites.title', { role: t(`role.${made.role}`) })}
            </h3>
            <p>{t('invite.created')}</p>
            <CopyField
              label={t('invite.link')}
              copyLabel={t('invite.copyLink')}
              value={made.url}
              testId="invitation-link"
            />
            <figure class="invitation-qr">
              <Show when={qr()}>
                {(src) => (
                  <img
                    src={src()}
                    width="200"
                    height="200"
                    alt={t('invite.qrAlt', { group: props.workspace.group.name })}
                  />
                )}
              </Show>
              <figcaption>{t('invite.qr')}</figcaption>
            </figure>
            <CopyField
              label={t('invite.mail')}
              copyLabel={t('invite.copyMail')}
              value={mail(made)}
              multiline
              testId="invitation-mail"
            />
            <button
              type="button"
              class="button"
              onClick={() => {
                setCreated(null)
                createButton?.focus()
              }}
            >
              {t('invite.done')}
            </button>
          </div>
        )}
      </Show>
    </section>
  )
}
