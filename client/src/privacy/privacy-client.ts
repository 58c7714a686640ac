import type {
  AuditResponse,
  EraseResponse,
  GroupPeopleResponse,
  PersonResponse,
  RetentionRequest,
  RetentionResponse,
} from '../../../shared/privacy-api.ts'
import { call } from '../api/client.ts'

const round = (cohortId: string) => `/api/rounds/${encodeURIComponent(cohortId)}`
const person = (cohortId: string, participantId: string) =>
  `${round(cohortId)}/participants/${encodeURIComponent(participantId)}`

export interface AuditFilter {
  groupId?: string
  kind?: string
  before?: number
}

/** The round lead's personal data and audit API (shared/privacy-api.ts), typed. */
export const privacyApi = {
  audit: (cohortId: string, filter: AuditFilter) => {
    const query = new URLSearchParams()
    if (filter.groupId) query.set('groupId', filter.groupId)
    if (filter.kind) query.set('kind', filter.kind)
    if (filter.before !== undefined) query.set('before', String(filter.before))
    query.set('limit', '50')
    return call<AuditResponse>('GET', `${round(cohortId)}/audit?${query.toString()}`)
  },
  people: (cohortId: string, groupId: string) =>
    call<GroupPeopleResponse>(
      'GET',
      `${round(cohortId)}/groups/${encodeURIComponent(groupId)}/people`,
    ),
  person: (cohortId: string, participantId: string) =>
    call<PersonResponse>('GET', person(cohortId, participantId)),
  erase: (cohortId: string, participantId: string) =>
    call<EraseResponse>('POST', `${person(cohortId, participantId)}/erase`),
  retention: (cohortId: string) => call<RetentionResponse>('GET', `${round(cohortId)}/retention`),
  setRetention: (cohortId: string, request: RetentionRequest) =>
    call<RetentionResponse>('PATCH', `${round(cohortId)}/retention`, request),
  close: (cohortId: string) => call<RetentionResponse>('POST', `${round(cohortId)}/close`),
}

/** Downloads are plain links: the browser sends the lead's cookie and saves the file. */
export const personExportUrl = (cohortId: string, participantId: string) =>
  `${person(cohortId, participantId)}/export.json`
export const groupExportUrl = (cohortId: string, groupId: string) =>
  `${round(cohortId)}/groups/${encodeURIComponent(groupId)}/export.json`

export const personPath = (cohortId: string, participantId: string) =>
  `/omgang/${encodeURIComponent(cohortId)}/person/${encodeURIComponent(participantId)}`
export const logPath = (cohortId: string, groupId?: string) =>
  `/omgang/${encodeURIComponent(cohortId)}/logg${groupId ? `?grupp=${encodeURIComponent(groupId)}` : ''}`
