import { createResource, createSignal, createUniqueId, For, Show } from 'solid-js'
import type { MeetingSummary } from '../../../shared/api.ts'
import type {
  GroupInvitationResponse,
  RoundDetail,
  RoundGroup,
  RoundLead,
} from '../../../shared/rounds-api.ts'
import { useI18n } from '../i18n/context.tsx'
import { CopyField } from '../members/CopyField.tsx'
import { invitationMail, nextMeetingOf } from '../members/invitation-mail.ts'
import { errorMessageKey } from '../pages/errors.ts'
import { qrCodeImage } from '../projector/join-qr.ts'
import { roundsApi } from './rounds-client.ts'

interface Created extends GroupInvitationResponse {
  organisation: string | null
  maxUses: number
}

/** The group's meetings as the e-mail text reads them (it knows a group's meetings). */
const asMeetings = (group: RoundGroup): MeetingSummary[] =>
  group.meetings.map((meeting) => ({
    ...meeting,
    title: null,
    startTime: null,
    durationMinutes: 0,
    place: null,
    videoLink: null,
  }))

/**
 * "Bjud in processledare": a link for the group's first facilitator, usually someone at the
 * mentor organisation. Shown once (the server keeps only its hash): the link to copy, a QR
 * code and the ready Swedish e-mail text the members page gives.
 */
export function FacilitatorInvitation(props: {
  round: RoundDetail
  group: RoundGroup
  lead: RoundLead
  onClose: () => void
}) {
  const { t } = useI18n()
  const id = createUniqueId()
  const mentor = () =>
    props.group.organisations.find((organisation) => organisation.memberRole === 'mentor')
  const [organisationId, setOrganisationId] = createSignal(mentor()?.id ?? '')
  const [maxUses, setMaxUses] = createSignal(1)
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)
  const [created, setCreated] = createSignal<Created | null>(null)
  const [qr] = createResource(() => created()?.url, qrCodeImage)
  let resultHeading: HTMLHeadingElement | undefined // the section's heading, focused once the link is made

  const create = async (event: SubmitEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const answer = await roundsApi.inviteFacilitator(props.round.id, props.group.id, {
        days: 30,
        maxUses: maxUses(),
        ...(organisationId() ? { organisationId: organisationId() } : {}),
      })
      const organisation = props.group.organisations.find((each) => each.id === organisationId())
      setCreated({ ...answer, organisation: organisation?.name ?? null, maxUses: maxUses() })
      queueMicrotask(() => resultHeading?.focus())
    } catch (failure) {
      setError(t(errorMessageKey(failure)))
    } finally {
      setBusy(false)
    }
  }

  const mail = (made: Created) => {
    const meetings = asMeetings(props.group)
    const next = nextMeetingOf(meetings, new Date().toISOString().slice(0, 10))
    const host = props.group.organisations.find((each) => each.id === next?.hostOrganisationId)
    const { subject, body } = invitationMail({
      url: made.url,
      expiresAt: made.expiresAt,
      maxUses: made.maxUses,
      role: 'facilitator',
      group: props.group.name,
      cohort: props.round.name,
      organisation: made.organisation,
      nextMeeting: next,
      meetingHost: host?.name ?? null,
      sender: props.lead.displayName,
    })
    return `Ämne: ${subject}\n\n${body}`
  }

  return (
    <section class="facilitator-invitation" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} ref={resultHeading} tabindex="-1">
        {created()
          ? t('rounds.groupInvite.created', { group: props.group.name })
          : t('rounds.groupInvite.title', { group: props.group.name })}
      </h4>
      <Show
        when={created()}
        keyed
        fallback={
          <form onSubmit={create} novalidate>
            <p class="hint">{t('rounds.groupInvite.intro')}</p>
            <div class="form-grid">
              <div class="field">
                <label for={`${id}-org`}>{t('rounds.groupInvite.organisation')}</label>
                <select
                  id={`${id}-org`}
                  value={organisationId()}
                  onChange={(event) => setOrganisationId(event.currentTarget.value)}
                >
                  <option value="">{t('invite.organisationAny')}</option>
                  <For each={props.group.organisations}>
                    {(organisation) => <option value={organisation.id}>{organisation.name}</option>}
                  </For>
                </select>
              </div>
              <div class="field">
                <label for={`${id}-uses`}>{t('rounds.groupInvite.uses')}</label>
                <select
                  id={`${id}-uses`}
                  value={String(maxUses())}
                  onChange={(event) => setMaxUses(Number(event.currentTarget.value))}
                >
                  <For each={[1, 2, 3, 4, 5]}>
                    {(n) => (
                      <option value={String(n)}>{t('rounds.groupInvite.people', { n })}</option>
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
                {t('rounds.groupInvite.create')}
              </button>
              <button type="button" class="button subtle" onClick={() => props.onClose()}>
                {t('members.cancel')}
              </button>
            </div>
          </form>
        }
      >
        {(made) => (
          <div class="invitation-result" data-testid="facilitator-invitation">
            <p>{t('invite.created')}</p>
            <CopyField
              label={t('invite.link')}
              copyLabel={t('invite.copyLink')}
              value={made.url}
              testId="facilitator-link"
            />
            <figure class="invitation-qr">
              <Show when={qr()}>
                {(src) => (
                  <img
                    src={src()}
                    width="200"
                    height="200"
                    alt={t('invite.qrAlt', { group: props.group.name })}
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
              testId="facilitator-mail"
            />
            <button type="button" class="button" onClick={() => props.onClose()}>
              {t('invite.done')}
            </button>
          </div>
        )}
      </Show>
    </section>
  )
}
