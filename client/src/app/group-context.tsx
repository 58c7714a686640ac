import { createContext, useContext, type Accessor, type Resource } from 'solid-js'
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import type {
  GroupWorkspaceResponse,
  OrganisationSummary,
  SessionResponse,
} from '../../../shared/api.ts'
import type { ConnectionStatus } from '../sync/connection.ts'
import type { GroupChanges } from '../sync/group-changes.ts'
import type { Peer } from '../sync/presence.ts'

/** Everything a page inside a group needs: who I am, the group, the live document. */
export interface GroupContextValue {
  room: string
  session: SessionResponse
  group: Resource<GroupWorkspaceResponse>
  refetchGroup: () => void
  /** What the relay said changed in the group's structure (the group is refetched then). */
  changes: GroupChanges
  doc: Y.Doc
  provider: WebsocketProvider
  status: Accessor<ConnectionStatus>
  disconnectedSince: Accessor<number | null>
  synced: Accessor<boolean>
  /** Deletes this device's copy of the group's board (when leaving it). */
  forgetLocalCopy: () => Promise<void>
  /** Whether this device still keeps its copy of the group (not once it is forgotten). */
  keptOnDevice: () => boolean
  peers: Accessor<Peer[]>
  readOnly: boolean
  facilitator: boolean
  /** Tells the others which field I am editing (null when I leave it). */
  setFocus: (focus: { meetingId: string; field: string } | null) => void
  organisation: (id: string | null | undefined) => OrganisationSummary | undefined
}

export const GroupContext = createContext<GroupContextValue>()

export function useGroup(): GroupContextValue {
  const group = useContext(GroupContext)
  if (!group) throw new Error('useGroup outside a group')
  return group
}
