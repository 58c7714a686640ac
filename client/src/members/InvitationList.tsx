import { createSignal, For, Show } from 'solid-js'
import type { InvitationSummary, OrganisationSummary } from '../../../shared/api.ts'
import { api } from '../api/client.ts'
import { useI18n } from '../i18n/context.tsx'
import { ConfirmDialog } from '../components/ConfirmDialog.tsx'
import { formatDay } from './format.ts'
import { personName } from '../privacy/person-name.ts'

const headingId = (invitation: InvitationSummary) => `invitation-${invitation.id}`

interface Pending {
  invitation: InvitationSummary
  opener: HTMLElement
}

/**
 * The group's invitations, newest first: role, organisation, who made it, when, until when,
 * uses left, state, and who joined with it. An active one can be withdrawn (confirmed);
 * its link then fails with a message saying so.
 */
export function InvitationList(props: {
  room: string
  invitations: InvitationSummary[]
  organisations: OrganisationSummary[]
  onChanged: () => void
  announce: (text: string) => void
}) {
  const { t, locale } = useI18n()
  const [pending, setPending] = createSignal<Pending | null>(null)
  const revoke = async (invitation: InvitationSummary) => {
    await api.revokeInvitation(props.room, invitation.id)
    props.announce(t('invites.revoked'))
    props.onChanged()
  }
  const organisation = (id: string | null) =>
    id
      ? (props.organisations.find((org) => org.id === id)?.name ?? id)
      : t('invites.anyOrganisation')

  return (
    <>
      <Show when={props.invitations.length > 0} fallback={<p>{t('invites.none')}</p>}>
        <ul class="invitation-list">
          <For each={props.invitations}>
            {(invitation) => (
              <li
                class={`invitation-card ${invitation.status}`}
                data-testid="invitation"
                data-status={invitation.status}
              >
                <h3 id={headingId(invitation)} tabindex="-1">
                  {t('invites.title', { role: t(`role.${invitation.role}`) })}
                  <span class={`status-tag ${invitation.status}`}>
                    {t(`invites.status.${invitation.status}`)}
                  </span>
                </h3>
                <dl class="facts">
                  <div>
                    <dt>{t('invite.organisation')}</dt>
                    <dd>{organisation(invitation.organisationId)}</dd>
                  </div>
                  <div>
                    <dt>{t('invites.createdBy')}</dt>
                    <dd>
                      {invitation.createdBy
                        ? personName(invitation.createdBy.displayName, t)
                        : t('invites.createdByTool')}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('invites.created')}</dt>
                    <dd>{formatDay(invitation.createdAt, locale())}</dd>
                  </div>
                  <div>
                    <dt>{t('invites.expires')}</dt>
                    <dd>{formatDay(invitation.expiresAt, locale())}</dd>
                  </div>
                  <div>
                    <dt>{t('invites.usesLeft')}</dt>
                    <dd>
                      {invitation.usesLeft === null
                        ? t('invites.unlimited')
                        : t('invites.usesLeftOf', {
                            left: invitation.usesLeft,
                            max: invitation.maxUses ?? 0,
                          })}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('invites.usedBy')}</dt>
                    <dd data-testid="invitation-used-by">
                      <Show when={invitation.usedBy.length > 0} fallback={t('invites.unused')}>
                        {invitation.usedBy
                          .map((person) =>
                            person.removed
                              ? t('invites.removedMember', {
                                  name: personName(person.displayName, t),
                                })
                              : person.displayName,
                          )
                          .join(', ')}
                      </Show>
                    </dd>
                  </div>
                </dl>
                <Show when={invitation.status === 'active'}>
                  <button
                    type="button"
                    class="button danger"
                    onClick={(e) => setPending({ invitation, opener: e.currentTarget })}
                  >
                    {t('invites.revoke')}
                    <span class="visually-hidden">
                      :{' '}
                      {t('invites.revokeWhich', {
                        role: t(`role.${invitation.role}`),
                        date: formatDay(invitation.createdAt, locale()),
                      })}
                    </span>
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={pending()} keyed>
        {(what) => (
          <ConfirmDialog
            title={t('invites.confirmRevokeTitle')}
            text={t('invites.confirmRevokeText', {
              role: t(`role.${what.invitation.role}`),
              org: organisation(what.invitation.organisationId),
            })}
            confirmLabel={t('invites.confirmRevokeYes')}
            cancelLabel={t('members.cancel')}
            failedText={t('members.actionFailed')}
            danger
            onConfirm={() => revoke(what.invitation)}
            onClose={(confirmed) => {
              setPending(null)
              // The button goes once the invitation is withdrawn: its card's heading then.
              if (confirmed) document.getElementById(headingId(what.invitation))?.focus()
              else what.opener.focus()
            }}
          />
        )}
      </Show>
    </>
  )
}
