import type {
  HistoryKeptResponse,
  HistoryListResponse,
  HistoryVersionResponse,
  RestoreResponse,
  RestoreScope,
} from '../../../shared/history-api.ts'
import { call } from '../api/client.ts'

const base = (room: string) => `/api/rooms/${encodeURIComponent(room)}/history`

/** The version history's API (shared/history-api.ts). */
export const historyApi = {
  list: (room: string) => call<HistoryListResponse>('GET', base(room)),
  keep: (room: string) => call<HistoryKeptResponse>('POST', base(room), {}),
  read: (room: string, versionId: string) =>
    call<HistoryVersionResponse>('GET', `${base(room)}/${encodeURIComponent(versionId)}`),
  restore: (room: string, versionId: string, scope: RestoreScope) =>
    call<RestoreResponse>('POST', `${base(room)}/${encodeURIComponent(versionId)}/restore`, {
      scope,
    }),
}
