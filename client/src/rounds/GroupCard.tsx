import { useNavigate } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import { groupMemberRoleLabels, meetingKindLabels } from '../../../shared/domain/labels.ts'
import type { RoundDetail, RoundGroup, RoundLead } from '../../../shared/rounds-api.ts'
import { roles } from '../../../shared/roles.ts'
import { useI18n } from '../i18n/context.tsx'
import { errorMessageKey } from '../pages/errors.ts'
import { rememberGroup } from '../pages/last-group.ts'
import { FacilitatorInvitation } from './FacilitatorInvitation.tsx'
import { meetingDay, moment } from './format.ts'
import { roundsApi } from './rounds-client.ts'

/**
 * One group of a round as the round lead sees it: its organisations and their roles, its
 * meetings with dates and hosts, how many members it has, and what the lead can do: invite
 * its first processledare, open the group (as its processledare), change it.
 */
export function GroupCard(props: { round: RoundDetail; group: RoundGroup; lead: RoundLead }) {
  const { t, l, locale } = useI18n()
  const navigate = useNavigate()
  const [inviting, setInviting] = createSignal(false)
  const [entering, setEntering] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)
  let inviteButton: HTMLButtonElement | undefined
  const host = (id: string | null) =>
    props.group.organisations.find((organisation) => organisation.id === id)?.name
  const members = () =>
    Object.values(props.group.memberCounts).reduce((sum, count) => sum + count, 0)
  const byRole = () =>
    roles
      .filter((role) => (props.group.memberCounts[role] ?? 0) > 0)
      .map((role) => `${props.group.memberCounts[role]} ${t(`role.${role}`)}`)
      .join(', ')

  const enter = async () => {
    setEntering(true)
    setError(null)
    try {
      const joined = await roundsApi.enterGroup(props.round.id, props.group.id)
      rememberGroup(joined.room, props.group.name)
      navigate(`/g/${encodeURIComponent(joined.room)}`)
    } catch (failure) {
      setError(t(errorMessageKey(failure)))
      setEntering(false)
    }
  }

  return (
    <li class="group-card" data-testid="group-card">
      <h3>{props.group.name}</h3>
      <ul class="group-organisations" aria-label={t('rounds.round.organisations')}>
        <For each={props.group.organisations}>
          {(organisation) => (
            <li class={`group-organisation ${organisation.memberRole}`}>
              <span class="org-name">{organisation.name}</span>
              <span class="org-role">{l(groupMemberRoleLabels[organisation.memberRole])}</span>
            </li>
          )}
        </For>
      </ul>
      <h4>{t('rounds.round.meetings')}</h4>
      <ol class="group-meetings">
        <For each={props.group.meetings}>
          {(meeting) => (
            <li>
              <span class="meeting-kind">{l(meetingKindLabels[meeting.kind])}</span>
              <span class="meeting-when">
                {meeting.date ? meetingDay(meeting.date, locale()) : t('home.noDate')}
                <Show when={host(meeting.hostOrganisationId)}>
                  {(name) => <> · {t('rounds.round.hostedBy', { host: name() })}</>}
                </Show>
              </span>
            </li>
          )}
        </For>
      </ol>
      <p class="group-members">
        {t('rounds.round.members', { n: members() })}
        <Show when={byRole()}>{(text) => <span class="hint"> ({text()})</span>}</Show>
        <br />
        <span class="hint">
          {t('rounds.lastActivity')}:{' '}
          {props.group.lastActivityAt
            ? moment(props.group.lastActivityAt, locale())
            : t('rounds.noActivity')}
        </span>
      </p>
      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>
      <div class="actions">
        <button
          type="button"
          class="button"
          ref={inviteButton}
          aria-expanded={inviting()}
          onClick={() => setInviting(!inviting())}
        >
          {t('rounds.round.inviteFacilitator')}
        </button>
        <button
          type="button"
          class="button primary"
          disabled={entering()}
          onClick={() => void enter()}
        >
          {t('rounds.round.openGroup')}
        </button>
        <a
          class="button subtle"
          href={`/omgang/${encodeURIComponent(props.round.id)}/grupp/${encodeURIComponent(props.group.id)}`}
        >
          {t('rounds.round.editGroup')}
        </a>
      </div>
      <Show when={inviting()}>
        <FacilitatorInvitation
          round={props.round}
          group={props.group}
          lead={props.lead}
          onClose={() => {
            setInviting(false)
            inviteButton?.focus()
          }}
        />
      </Show>
    </li>
  )
}
