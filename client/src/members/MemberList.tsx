import { createSignal, For, Show } from 'solid-js'
import type { MemberSummary, OrganisationSummary } from '../../../shared/api.ts'
import { participantFunctionLabels } from '../../../shared/domain/labels.ts'
import { roles, type Role } from '../../../shared/roles.ts'
import { api } from '../api/client.ts'
import { useI18n } from '../i18n/context.tsx'
import { ConfirmDialog } from '../components/ConfirmDialog.tsx'
import { formatDay, formatMoment } from './format.ts'

type Pending =
  | { kind: 'role'; member: MemberSummary; role: Role; opener: HTMLElement }
  | { kind: 'remove'; member: MemberSummary; opener: HTMLElement }

/**
 * The group's members: who, from where, in what role, since when, last seen, online now.
 * A facilitator changes another member's role (a select, then a confirmation) or removes
 * them (a confirmation naming the person); their open connections follow at once.
 */
export function MemberList(props: {
  room: string
  members: MemberSummary[]
  organisations: OrganisationSummary[]
  selfId: string
  onChanged: () => void
  announce: (text: string) => void
  /** Where focus goes when the member it was on is gone. */
  focusAfterRemoval: () => void
}) {
  const { t, l, locale } = useI18n()
  const [pending, setPending] = createSignal<Pending | null>(null)
  const [chosen, setChosen] = createSignal<Record<string, Role>>({})
  const organisation = (id: string | null) =>
    props.organisations.find((org) => org.id === id)?.name ?? t('members.noOrganisation')
  const roleOf = (member: MemberSummary) => chosen()[member.id] ?? member.role

  const confirm = async (what: Pending) => {
    const name = what.member.displayName
    if (what.kind === 'role') {
      await api.changeMemberRole(props.room, what.member.id, { role: what.role })
      props.announce(t('members.roleChanged', { name, role: t(`role.${what.role}`) }))
    } else {
      await api.removeMember(props.room, what.member.id)
      props.announce(t('members.removed', { name }))
    }
    props.onChanged()
  }

  const closed = (what: Pending, confirmed: boolean) => {
    setPending(null)
    // A removed member's card goes; the list's items are kept by id otherwise.
    if (confirmed && what.kind === 'remove') props.focusAfterRemoval()
    else what.opener.focus()
  }

  return (
    <>
      <ul class="member-list">
        <For each={props.members}>
          {(member) => {
            const self = () => member.id === props.selfId
            const selectId = `member-role-${member.id}`
            return (
              <li class="member-card" data-testid="member">
                <h3 class="member-name">
                  {member.displayName}
                  <Show when={self()}>
                    <span class="hint"> ({t('members.you')})</span>
                  </Show>
                </h3>
                <p class={member.online ? 'online-state online' : 'online-state'}>
                  <span class="dot" aria-hidden="true" />
                  {member.online ? t('members.online') : t('members.offline')}
                </p>
                <dl class="facts">
                  <div>
                    <dt>{t('members.organisation')}</dt>
                    <dd>{organisation(member.organisationId)}</dd>
                  </div>
                  <div>
                    <dt>{t('members.function')}</dt>
                    <dd>
                      {member.function
                        ? l(participantFunctionLabels[member.function])
                        : t('members.noFunction')}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('members.role')}</dt>
                    <dd data-testid="member-role">{t(`role.${member.role}`)}</dd>
                  </div>
                  <div>
                    <dt>{t('members.joined')}</dt>
                    <dd>{formatDay(member.joinedAt, locale())}</dd>
                  </div>
                  <div>
                    <dt>{t('members.lastSeen')}</dt>
                    <dd>
                      {member.online
                        ? t('members.online')
                        : member.lastSeenAt
                          ? formatMoment(member.lastSeenAt, locale())
                          : t('members.neverSeen')}
                    </dd>
                  </div>
                </dl>
                <Show when={!self()} fallback={<p class="hint">{t('members.selfHint')}</p>}>
                  <div class="member-actions">
                    <div class="field">
                      <label for={selectId}>
                        {t('members.roleFor', { name: member.displayName })}
                      </label>
                      <select
                        id={selectId}
                        value={roleOf(member)}
                        onChange={(e) =>
                          setChosen({
                            ...chosen(),
                            [member.id]: e.currentTarget.value as Role,
                          })
                        }
                      >
                        <For each={roles}>
                          {(role) => <option value={role}>{t(`role.${role}`)}</option>}
                        </For>
                      </select>
                    </div>
                    <button
                      type="button"
                      class="button"
                      disabled={roleOf(member) === member.role}
                      onClick={(e) =>
                        setPending({
                          kind: 'role',
                          member,
                          role: roleOf(member),
                          opener: e.currentTarget,
                        })
                      }
                    >
                      {t('members.changeRole')}
                      <span class="visually-hidden">: {member.displayName}</span>
                    </button>
                    <button
                      type="button"
                      class="button danger"
                      onClick={(e) =>
                        setPending({ kind: 'remove', member, opener: e.currentTarget })
                      }
                    >
                      {t('members.remove')}
                      <span class="visually-hidden">: {member.displayName}</span>
                    </button>
                  </div>
                </Show>
              </li>
            )
          }}
        </For>
      </ul>
      <Show when={pending()} keyed>
        {(what) => {
          const name = what.member.displayName
          const role = what.kind === 'role' ? t(`role.${what.role}`) : ''
          return (
            <ConfirmDialog
              title={
                what.kind === 'role'
                  ? t('members.confirmRoleTitle', { name })
                  : t('members.confirmRemoveTitle', { name })
              }
              text={
                what.kind === 'role'
                  ? t('members.confirmRoleText', { name, role })
                  : t('members.confirmRemoveText', { name })
              }
              confirmLabel={
                what.kind === 'role'
                  ? t('members.confirmRoleYes', { name, role })
                  : t('members.confirmRemoveYes', { name })
              }
              cancelLabel={t('members.cancel')}
              failedText={t('members.actionFailed')}
              danger={what.kind === 'remove'}
              onConfirm={() => confirm(what)}
              onClose={(confirmed) => closed(what, confirmed)}
            />
          )
        }}
      </Show>
    </>
  )
}
