import type {
  ApiError,
  ApiErrorCode,
  GroupWorkspaceResponse,
  InvitationRequest,
  InvitationResponse,
  InvitationsResponse,
  InvitePreviewResponse,
  JoinRequest,
  JoinResponse,
  MeetingInput,
  MeetingListResponse,
  MeetingPatch,
  MeetingSummary,
  MemberRoleRequest,
  MembersResponse,
  ServerTimeResponse,
  SessionResponse,
} from '../../../shared/api.ts'
import type {
  ScoringRoundResponse,
  SealedDoneInput,
  SealedScoreInput,
} from '../../../shared/scoring-api.ts'

/** A failed API call, with the server's stable error code. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | 'network',
    message: string,
    /** A 400's zod issues: which field (`path`) is wrong, so a form can say it there. */
    readonly issues: readonly { path: readonly (string | number)[]; message: string }[] = [],
  ) {
    super(message)
  }
}

/** One JSON request; a failure is an ApiFailure. Other API modules (rounds) build on it. */
export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiFailure(0, 'network', 'network error')
  }
  if (!response.ok) {
    const error = (await response.json().catch(() => null)) as ApiError | null
    throw new ApiFailure(
      response.status,
      error?.error.code ?? 'internal',
      error?.error.message ?? response.statusText,
      Array.isArray(error?.error.issues) ? (error.error.issues as ApiFailure['issues']) : [],
    )
  }
  return (await response.json()) as T
}

const room = (name: string) => `/api/rooms/${encodeURIComponent(name)}`
const scoringRound = (name: string, roundId: string) =>
  `${room(name)}/scoring/${encodeURIComponent(roundId)}`

/** The JSON API of shared/api.ts, typed. */
export const api = {
  time: () => call<ServerTimeResponse>('GET', '/api/time'),
  previewInvite: (invite: string) =>
    call<InvitePreviewResponse>('POST', '/api/invitations/preview', { invite }),
  join: (request: JoinRequest) => call<JoinResponse>('POST', '/api/join', request),
  session: (name: string) => call<SessionResponse>('GET', `${room(name)}/session`),
  leave: (name: string) => call<{ ok: true }>('POST', `${room(name)}/leave`),
  group: (name: string) => call<GroupWorkspaceResponse>('GET', `${room(name)}/group`),
  createMeeting: (name: string, input: MeetingInput) =>
    call<MeetingSummary>('POST', `${room(name)}/meetings`, input),
  updateMeeting: (name: string, id: string, patch: MeetingPatch) =>
    call<MeetingSummary>('PATCH', `${room(name)}/meetings/${encodeURIComponent(id)}`, patch),
  archiveMeeting: (name: string, id: string, archived: boolean) =>
    call<MeetingSummary>(
      'POST',
      `${room(name)}/meetings/${encodeURIComponent(id)}/${archived ? 'archive' : 'unarchive'}`,
    ),
  deleteMeeting: (name: string, id: string) =>
    call<{ id: string; deleted: true }>(
      'DELETE',
      `${room(name)}/meetings/${encodeURIComponent(id)}`,
    ),
  undeleteMeeting: (name: string, id: string) =>
    call<MeetingSummary>('POST', `${room(name)}/meetings/${encodeURIComponent(id)}/undelete`),
  orderMeetings: (name: string, meetingIds: string[]) =>
    call<MeetingListResponse>('PUT', `${room(name)}/meetings/order`, { meetingIds }),
  createInvitation: (name: string, request: InvitationRequest) =>
    call<InvitationResponse>('POST', `${room(name)}/invitations`, request),
  invitations: (name: string) => call<InvitationsResponse>('GET', `${room(name)}/invitations`),
  revokeInvitation: (name: string, id: string) =>
    call<{ ok: true }>('DELETE', `${room(name)}/invitations/${encodeURIComponent(id)}`),
  members: (name: string) => call<MembersResponse>('GET', `${room(name)}/members`),
  changeMemberRole: (name: string, participantId: string, request: MemberRoleRequest) =>
    call<{ id: string; role: MemberRoleRequest['role'] }>(
      'PATCH',
      `${room(name)}/members/${encodeURIComponent(participantId)}`,
      request,
    ),
  removeMember: (name: string, participantId: string) =>
    call<{ ok: true }>('DELETE', `${room(name)}/members/${encodeURIComponent(participantId)}`),
  openScoring: (name: string, meetingId: string) =>
    call<ScoringRoundResponse>(
      'POST',
      `${room(name)}/meetings/${encodeURIComponent(meetingId)}/scoring`,
    ),
  scoringRound: (name: string, roundId: string) =>
    call<ScoringRoundResponse>('GET', scoringRound(name, roundId)),
  setSealedScore: (name: string, roundId: string, input: SealedScoreInput) =>
    call<ScoringRoundResponse>('PUT', `${scoringRound(name, roundId)}/scores`, input),
  setSealedDone: (name: string, roundId: string, input: SealedDoneInput) =>
    call<ScoringRoundResponse>('PUT', `${scoringRound(name, roundId)}/done`, input),
  revealScoring: (name: string, roundId: string) =>
    call<ScoringRoundResponse>('POST', `${scoringRound(name, roundId)}/reveal`),
}
