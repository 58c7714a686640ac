import { useParams } from '@solidjs/router'
import { createEffect, createResource, Match, Switch, type ParentProps } from 'solid-js'
import type { SessionResponse } from '../../../shared/api.ts'
import { canWrite, Role } from '../../../shared/roles.ts'
import { colourFor, type Presence } from '../../../shared/workspace/presence.ts'
import { api } from '../api/client.ts'
import { Page } from '../components/Page.tsx'
import { GroupHeader } from '../components/GroupHeader.tsx'
import { SkipLink } from '../components/SkipLink.tsx'
import { useI18n } from '../i18n/context.tsx'
import { rememberGroup } from '../pages/last-group.ts'
import { createWorkspaceConnection } from '../sync/connection.ts'
import { createPeers } from '../sync/presence.ts'
import { GroupContext, type GroupContextValue } from './group-context.tsx'

/** `/g/:room/*`: checks the session, then connects the group's live workspace. */
export function GroupShell(props: ParentProps) {
  const params = useParams<{ room: string }>()
  const { t } = useI18n()
  const [session] = createResource(
    () => params.room,
    (room) => api.session(room),
  )
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
      <Match when={session()}>
        {(current) => <ConnectedGroup session={current()}>{props.children}</ConnectedGroup>}
      </Match>
    </Switch>
  )
}

function ConnectedGroup(props: ParentProps<{ session: SessionResponse }>) {
  const room = props.session.room
  const connection = createWorkspaceConnection(room)
  const [group, { refetch }] = createResource(() => api.group(room))
  const awareness = connection.provider.awareness
  const participant = props.session.participant
  const presence: Presence = {
    user: {
      participantId: participant.id,
      name: participant.displayName,
      organisationId: participant.organisationId,
      function: participant.function,
      role: props.session.role,
      colour: colourFor(participant.id),
    },
    focus: null,
  }
  awareness.setLocalState(presence)
  createEffect(() => {
    const loaded = group()
    if (loaded) rememberGroup(room, loaded.group.name)
  })

  const value: GroupContextValue = {
    room,
    session: props.session,
    group,
    refetchGroup: () => void refetch(),
    doc: connection.doc,
    provider: connection.provider,
    status: connection.status,
    disconnectedSince: connection.disconnectedSince,
    synced: connection.synced,
    forgetLocalCopy: connection.forgetLocalCopy,
    peers: createPeers(awareness),
    readOnly: !canWrite(props.session.role),
    facilitator: props.session.role === Role.Facilitator,
    setFocus: (focus) => awareness.setLocalStateField('focus', focus),
    organisation: (id) => group()?.organisations.find((org) => org.id === id),
  }
  return (
    <GroupContext.Provider value={value}>
      <SkipLink />
      <GroupHeader />
      <main id="main" class="page wide" tabindex="-1">
        {props.children}
      </main>
    </GroupContext.Provider>
  )
}
