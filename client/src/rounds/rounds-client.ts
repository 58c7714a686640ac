import type {
  EnterGroupResponse,
  GroupInput,
  GroupInvitationRequest,
  GroupInvitationResponse,
  GroupPatch,
  LeadInvitationRequest,
  LeadInvitationResponse,
  LeadJoinRequest,
  LeadSessionResponse,
  RoundCopyInput,
  RoundDetail,
  RoundInput,
  RoundPatch,
  RoundsResponse,
} from '../../../shared/rounds-api.ts'
import { call } from '../api/client.ts'

const round = (cohortId: string) => `/api/rounds/${encodeURIComponent(cohortId)}`
const group = (cohortId: string, groupId: string) =>
  `${round(cohortId)}/groups/${encodeURIComponent(groupId)}`

/** The round lead's JSON API of shared/rounds-api.ts, typed. */
export const roundsApi = {
  join: (request: LeadJoinRequest) => call<LeadSessionResponse>('POST', '/api/lead/join', request),
  session: () => call<LeadSessionResponse>('GET', '/api/lead/session'),
  signOut: () => call<{ ok: true }>('DELETE', '/api/lead/session'),
  inviteLead: (request: LeadInvitationRequest) =>
    call<LeadInvitationResponse>('POST', '/api/lead/invitations', request),
  rounds: () => call<RoundsResponse>('GET', '/api/rounds'),
  createRound: (input: RoundInput) => call<RoundDetail>('POST', '/api/rounds', input),
  round: (cohortId: string) => call<RoundDetail>('GET', round(cohortId)),
  updateRound: (cohortId: string, patch: RoundPatch) =>
    call<RoundDetail>('PATCH', round(cohortId), patch),
  copyRound: (cohortId: string, input: RoundCopyInput) =>
    call<RoundDetail>('POST', `${round(cohortId)}/copy`, input),
  createGroup: (cohortId: string, input: GroupInput) =>
    call<RoundDetail>('POST', `${round(cohortId)}/groups`, input),
  updateGroup: (cohortId: string, groupId: string, patch: GroupPatch) =>
    call<RoundDetail>('PATCH', group(cohortId, groupId), patch),
  inviteFacilitator: (cohortId: string, groupId: string, request: GroupInvitationRequest) =>
    call<GroupInvitationResponse>('POST', `${group(cohortId, groupId)}/invitations`, request),
  enterGroup: (cohortId: string, groupId: string) =>
    call<EnterGroupResponse>('POST', `${group(cohortId, groupId)}/enter`),
}
