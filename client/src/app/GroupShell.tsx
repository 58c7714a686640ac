import { useParams } from '@solidjs/router'
import {
  createEffect,
  createResource,
  Match,
  on,
  Show,
  Switch,
  untrack,
  useContext,
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
import { createLocalCopy, type LocalCopy } from '../sync/local-copy.ts'
import { readDeviceCopy } from '../sync/device-store.ts'
import { createGroupChanges } from '../sync/group-changes.ts'
import { createPeers } from '../sync/presence.ts'
import { discardRefusedWrites } from '../sync/refused-writes.ts'
import { GroupContext, type GroupContextValue } from './group-context.tsx'
import { GroupLoadContext } from './group-load.ts'

/**
 * `/g/:room/*`: checks the session, then connects the group's live workspace. `bare`: the
 * page without the group's header (the projector view fills the screen).
 */
export function GroupShell(props: ParentProps<{ bare?: boolean }>) {
  const params = useParams<{ room: string }>()
  // Keyed: another room is another session, copy and connection, not this one changed.
  return (
    <Show when={params.room} keyed>
      {(room) => (
        <GroupRoom room={room} bare={props.bare}>
          {props.children}
        </GroupRoom>
      )}
    </Show>
  )
}

/**
 * One room's page. What a returning visit's board waits for starts at once and side by side
 * (bench:client, ARCHITECTURE.md "Client performance"): the session and the group (asked
 * for by main.tsx before this code had loaded, else here) and this device's copy of the
 * workspace, read by main.tsx where it exists (else made once the session is known, so a
 * visit without one leaves no database behind).
 */
function GroupRoom(props: ParentProps<{ room: string; bare?: boolean }>) {
  const { t } = useI18n()
  // One room for the component's life (GroupShell keys it by room).
  const room = untrack(() => props.room)
  const early = useContext(GroupLoadContext)?.take(room)
  const local = createLocalCopy(room, early?.deviceCopy ?? readDeviceCopy(room))
  const [session] = createResource(() => early?.session ?? api.session(room))
  // The group renders once the device's copy is in the doc: its header and board then
  // render in one go, where the header came first and the board a frame or more later
  // (the board's first content 12–20 ms sooner, bench:client-ab).
  const [copyReady] = createResource(() => local.ready.then(() => true))
  const group = early?.group ?? api.group(room)
  group.catch(() => undefined) // without a session nobody reads it
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
      <Match when={copyReady() && session()}>
        {(current) => (
          <ConnectedGroup session={current()} local={local} bare={props.bare} firstGroup={group}>
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
    local: LocalCopy
    bare?: boolean
    /** The group as asked for with the session; later reads ask again. */
    firstGroup?: Promise<GroupWorkspaceResponse>
  }>,
) {
  // One session for the component's life (GroupShell makes a new one for another session).
  const session = untrack(() => props.session)
  const room = session.room
  const connection = createWorkspaceConnection(
    room,
    untrack(() => props.local),
  )
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
    keptOnDevice: connection.keptOnDevice,
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
