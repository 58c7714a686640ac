/** What a session may do in its group's room. The server enforces it; the UI mirrors it. */
export const Role = {
  Facilitator: 'facilitator',
  Participant: 'participant',
  Viewer: 'viewer',
} as const

export type Role = (typeof Role)[keyof typeof Role]

export const roles: readonly Role[] = [Role.Facilitator, Role.Participant, Role.Viewer]

export const canWrite = (role: Role): boolean => role !== Role.Viewer

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (roles as readonly string[]).includes(value)
