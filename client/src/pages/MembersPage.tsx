import { createEffect, createMemo, createSignal, on, onMount, Show } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import type { InvitationSummary, MemberSummary } from '../../../shared/api.ts'
import { api } from '../api/client.ts'
import { useGroup } from '../app/group-context.tsx'
import { useI18n } from '../i18n/context.tsx'
import { InvitationList } from '../members/InvitationList.tsx'
import { MemberList } from '../members/MemberList.tsx'
import { NewInvitation } from '../members/NewInvitation.tsx'
import '../styles/members.css'

/**
 * `/g/:room/medlemmar` (facilitators): the group's members and invitations, a new
 * invitation, role changes and removals. Lists are kept by id, so a refresh keeps focus
 * and what a select shows on the cards that stay. Live, without polling: read again when
 * the relay says the group's members or invitations changed (on any node), and when
 * someone comes online or leaves (presence), for "online now" and "last seen".
 */
export function MembersPage() {
  const group = useGroup()
  const { t } = useI18n()
  const home = `/g/${encodeURIComponent(group.room)}`
  return (
    <div class="members-page">
      <p>
        <a href={home}>{t('members.back')}</a>
      </p>
      <h1>{t('members.title')}</h1>
      <Show when={group.facilitator} fallback={<p role="alert">{t('members.onlyFacilitators')}</p>}>
        <Members />
      </Show>
    </div>
  )
}

function Members() {
  const group = useGroup()
  const { t } = useI18n()
  const [members, setMembers] = createStore<MemberSummary[]>([])
  const [invitations, setInvitations] = createStore<InvitationSummary[]>([])
  const [state, setState] = createSignal<'loading' | 'ready' | 'failed'>('loading')
  const [said, setSaid] = createSignal('')
  let membersHeading: HTMLHeadingElement | undefined

  // Live changes can ask again before an answer came: only the latest answer is shown.
  let asked = 0
  const load = async () => {
    const ask = ++asked
    try {
      const [people, links] = await Promise.all([
        api.members(group.room),
        api.invitations(group.room),
      ])
      if (ask !== asked) return
      setMembers(reconcile(people.members, { key: 'id' }))
      setInvitations(reconcile(links.invitations, { key: 'id' }))
      setState('ready')
    } catch {
      if (state() !== 'ready') setState('failed')
    }
  }
  onMount(() => void load())
  // A memo: presence changes with every focus move, who is online far less often.
  const online = createMemo(() =>
    [...new Set(group.peers().map((peer) => peer.presence.user.participantId))].sort().join(','),
  )
  createEffect(
    on([() => group.changes.version('members'), online], () => void load(), { defer: true }),
  )

  // Said once each time, even when the same words come twice.
  const announce = (text: string) => {
    setSaid('')
    queueMicrotask(() => setSaid(text))
  }

  return (
    <>
      <p class="lead">{t('members.intro')}</p>
      <nav class="members-nav" aria-label={t('members.title')}>
        <a href="#members-heading">{t('members.heading')}</a>
        <a href="#new-invitation">{t('invite.new')}</a>
        <a href="#invitations-heading">{t('invites.heading')}</a>
      </nav>
      <p class="visually-hidden" role="status" data-testid="members-status">
        {said()}
      </p>
      <Show when={state() !== 'failed'} fallback={<LoadFailed retry={load} />}>
        <section aria-labelledby="members-heading">
          <h2 id="members-heading" ref={membersHeading} tabindex="-1">
            {t('members.heading')}
            <Show when={state() === 'ready'}>
              <span class="hint"> · {t('members.count', { n: members.length })}</span>
            </Show>
          </h2>
          <Show
            when={state() === 'ready'}
            fallback={<p aria-busy="true">{t('members.loading')}</p>}
          >
            <MemberList
              room={group.room}
              members={members}
              organisations={group.group()?.organisations ?? []}
              selfId={group.session.participant.id}
              onChanged={() => void load()}
              announce={announce}
              focusAfterRemoval={() => membersHeading?.focus()}
            />
          </Show>
        </section>
        <div id="new-invitation" tabindex="-1">
          <Show when={group.group()}>
            {(workspace) => (
              <NewInvitation
                room={group.room}
                workspace={workspace()}
                sender={group.session.participant.displayName}
                onCreated={() => void load()}
              />
            )}
          </Show>
        </div>
        <section aria-labelledby="invitations-heading">
          <h2 id="invitations-heading" tabindex="-1">
            {t('invites.heading')}
          </h2>
          <Show
            when={state() === 'ready'}
            fallback={<p aria-busy="true">{t('members.loading')}</p>}
          >
            <InvitationList
              room={group.room}
              invitations={invitations}
              organisations={group.group()?.organisations ?? []}
              onChanged={() => void load()}
              announce={announce}
            />
          </Show>
        </section>
      </Show>
    </>
  )
}

function LoadFailed(props: { retry: () => Promise<void> }) {
  const { t } = useI18n()
  return (
    <div role="alert">
      <p>{t('members.loadFailed')}</p>
      <button type="button" class="button" onClick={() => void props.retry()}>
        {t('members.retry')}
      </button>
    </div>
  )
}
