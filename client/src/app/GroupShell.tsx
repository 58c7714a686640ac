import { useParams } from '@solidjs/router'
import {
  createEffect,
  createResource,
  Match,
  on,
  Show,
  Switch,
  untrack,
  type ParentProps,
} from 'solid-js'
import type { GroupWorkspaceResponse, SessionResponse } from '../../../shared/api.ts'
import { canWrite, Role } from '../../../shared/roles.ts'
import { colourFor, type Presence } from '../../../shared/workspace/presence.ts'
import { api } from '../api/client.ts'
import { Page } from '../components/Page.tsx'
import { GroupHeader } from '../components/GroupHeader.tsx'
import { RefusalNotice } from '../components/RefusalNotice.tsx'
import { SkipLink } from '../components/SkipLink.tsx'
import { useI18n } from '../i18n/context.tsx'
import { rememberGroup } from '../pages/last-group.ts'
import { createWorkspaceConnection } from '../sync/connection.ts'
import { createGroupChanges } from '../sync/group-changes.ts'
import { createPeers } from '../sync/presence.ts'
import { discardRefusedWrites } from '../sync/refused-writes.ts'
import { GroupContext, type GroupContextValue } from './group-context.tsx'

/**
 * `/g/:room/*`: checks the session, then connects the group's live workspace. `bare`: the
 * page without the group's header (the projector view fills the screen).
 */
export function GroupShell(props: ParentProps<{ bare?: boolean }>) {
  const params = useParams<{ room: string }>()
  const { t } = useI18n()
  // The group is asked for with the session, not after it: the board needs both, and a
  // returning visit's first content waited one more round trip for it (bench:client).
  let early: { room: string; group: Promise<GroupWorkspaceResponse> } | null = null
  const [session] = createResource(
    () => params.room,
    (room) => {
      const group = api.group(room)
      group.catch(() => undefined) // without a session nobody reads it
      early = { room, group }
      return api.session(room)
    },
  )
  const takeEarlyGroup = (room: string) => {
    const group = early?.room === room ? early.group : undefined
    early = null
    return group
  }
  return (
    <Switch
      fallback={
        <Page>
          <p aria-busy="true">{t('board.loading')}</p>
        </Page>
      }
    >
      <Match when={session.error}>
        <Page>
          <h1>{t('needInvite.title')}</h1>
          <p>{t('needInvite.body')}</p>
        </Page>
      </Match>
      {/* Keyed: another session (another room) is another connection, not this one changed. */}
      <Match when={session()} keyed>
        {(current) => (
          <ConnectedGroup
            session={current}
            bare={props.bare}
            firstGroup={takeEarlyGroup(current.room)}
          >
            {props.children}
          </ConnectedGroup>
        )}
      </Match>
    </Switch>
  )
}

function ConnectedGroup(
  props: ParentProps<{
    session: SessionResponse
    bare?: boolean
    /** The group as asked for with the session; later reads ask again. */
    firstGroup?: Promise<GroupWorkspaceResponse>
  }>,
) {
  // One session for the component's life (GroupShell makes a new one for another session).
  const session = untrack(() => props.session)
  const room = session.room
  const connection = createWorkspaceConnection(room)
  let firstGroup = untrack(() => props.firstGroup)
  const [group, { refetch }] = createResource(() => {
    const loading = firstGroup ?? api.group(room)
    firstGroup = undefined
    return loading
  })
  const awareness = connection.provider.awareness
  const participant = session.participant
  const presence: Presence = {
    user: {
      participantId: participant.id,
      name: participant.displayName,
      organisationId: participant.organisationId,
      function: participant.function,
      role: session.role,
      colour: colourFor(participant.id),
    },
    focus: null,
  }
  awareness.setLocalState(presence)
  discardRefusedWrites({
    room,
    doc: connection.doc,
    provider: connection.provider,
    writer: { role: presence.user.role, participantId: participant.id },
    forgetLocalCopy: connection.forgetLocalCopy,
  })
  createEffect(() => {
    const loaded = group()
    if (loaded) rememberGroup(room, loaded.group.name)
  })
  // Meetings and members changed by someone (any node): the group is read again, live.
  const changes = createGroupChanges(connection.provider)
  createEffect(
    on(
      () => [changes.version('meetings'), changes.version('members')],
      () => void refetch(),
      { defer: true },
    ),
  )

  const value: GroupContextValue = {
    room,
    session,
    group,
    refetchGroup: () => void refetch(),
    changes,
    doc: connection.doc,
    provider: connection.provider,
    status: connection.status,
    disconnectedSince: connection.disconnectedSince,
    synced: connection.synced,
    forgetLocalCopy: connection.forgetLocalCopy,
    peers: createPeers(awareness),
    readOnly: !canWrite(session.role),
    facilitator: session.role === Role.Facilitator,
    setFocus: (focus) => awareness.setLocalStateField('focus', focus),
    organisation: (id) => group()?.organisations.find((org) => org.id === id),
  }
  return (
    <GroupContext.Provider value={value}>
      <Show when={!props.bare}>
        <SkipLink />
        <GroupHeader />
      </Show>
      <main id="main" class={props.bare ? 'bare-page' : 'page wide'} tabindex="-1">
        <RefusalNotice room={room} />
        {props.children}
      </main>
    </GroupContext.Provider>
  )
}
